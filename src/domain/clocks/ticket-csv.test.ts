import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { eventsFromCsvRow } from './ticket-csv.ts'

describe('eventsFromCsvRow', () => {
  test('a full row becomes created, first response, resolved, reopened, closed and satisfaction events', () => {
    const result = eventsFromCsvRow(
      {
        ticket: 'T-1',
        created_at: '2026-07-01 09:00',
        customer: 'acme',
        severity: 'P2',
        service: 'portal',
        requester: 'ann@acme.example',
        first_response_at: '2026-07-01T08:30:00Z',
        resolved_at: '2026-07-02 10:00',
        reopened_at: '2026-07-03 10:00',
        closed_at: '2026-07-04 10:00',
        satisfaction: '4/5',
      },
      'Europe/London',
    )
    assert.ok(result.ok)
    if (!result.ok) return
    assert.deepEqual(
      result.events.map((e) => [e.id, e.type, e.at]),
      [
        ['T-1#created', 'created', '2026-07-01T08:00:00.000Z'],
        ['T-1#first_response', 'message', '2026-07-01T08:30:00.000Z'],
        ['T-1#resolved', 'status', '2026-07-02T09:00:00.000Z'],
        ['T-1#reopened', 'status', '2026-07-03T09:00:00.000Z'],
        ['T-1#closed', 'status', '2026-07-04T09:00:00.000Z'],
        ['T-1#satisfaction', 'satisfaction', '2026-07-04T09:00:00.000Z'],
      ],
    )
    assert.deepEqual(result.events[0], {
      id: 'T-1#created',
      ticket: 'T-1',
      type: 'created',
      at: '2026-07-01T08:00:00.000Z',
      customer: 'acme',
      severity: 'P2',
      service: 'portal',
      requester: 'ann@acme.example',
    })
    assert.deepEqual(result.events[5], {
      id: 'T-1#satisfaction',
      ticket: 'T-1',
      type: 'satisfaction',
      at: '2026-07-04T09:00:00.000Z',
      rating: 4,
      scale: 5,
    })
  })

  test('a minimal row is one created event; empty cells are absent', () => {
    const result = eventsFromCsvRow(
      { ticket: 'T-2', created_at: '2026-07-01T09:00:00Z', customer: 'acme', severity: 'P3', service: '' },
      'UTC',
    )
    assert.ok(result.ok && result.events.length === 1 && !('service' in result.events[0]!))
  })

  test('every problem in a row is listed by field', () => {
    const result = eventsFromCsvRow(
      { ticket: 'T-3', created_at: 'yesterday', severity: '', satisfaction: '7/5' },
      'UTC',
    )
    assert.equal(result.ok, false)
    if (result.ok) return
    assert.deepEqual(
      result.issues.map((i) => [i.path[0], i.message]),
      [
        ['customer', 'is required'],
        ['severity', 'is required'],
        ['created_at', '"yesterday" is not a date-time'],
        ['satisfaction', '"7/5" is not a rating'],
      ],
    )
  })
})
