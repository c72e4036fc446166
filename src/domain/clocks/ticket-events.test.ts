// The event schema: instants must name their offset, so that reading a file gives the same
// answer on every machine; events order by time, then by arrival.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { byTimeThenArrival, TicketEventSchema, toTicketEvent } from './ticket-events.ts'

const base = { id: 'e-1', ticket: 'T-1', type: 'status', status: 'open' }

describe('ticket events', () => {
  const instants: [string, number | null][] = [
    ['2026-11-20T16:30:00Z', Date.UTC(2026, 10, 20, 16, 30)],
    ['2026-11-20T16:30:00.250Z', Date.UTC(2026, 10, 20, 16, 30, 0, 250)],
    ['2026-11-20T17:30:00+01:00', Date.UTC(2026, 10, 20, 16, 30)],
    ['2026-11-20T11:30-0500', Date.UTC(2026, 10, 20, 16, 30)],
    // No offset: a wall-clock reading whose instant would depend on the machine's zone.
    ['2026-11-20T16:30:00', null],
    ['2026-11-20', null],
    ['2026-02-30T10:00:00Z', null],
    ['yesterday', null],
  ]
  for (const [text, want] of instants) {
    test(`at: ${text}`, () => {
      const parsed = TicketEventSchema.safeParse({ ...base, at: text })
      assert.equal(parsed.success, want !== null)
      if (parsed.success) assert.equal(toTicketEvent(parsed.data, 1).at, want)
    })
  }

  test('order: time first, then arrival', () => {
    const at = (time: string, seq: number) =>
      toTicketEvent(TicketEventSchema.parse({ ...base, at: time }), seq)
    const list = [at('2026-11-20T10:00:00Z', 3), at('2026-11-20T09:00:00Z', 4), at('2026-11-20T10:00:00Z', 1)]
    assert.deepEqual(
      list.sort(byTimeThenArrival).map((e) => e.seq),
      [4, 1, 3],
    )
  })
})
