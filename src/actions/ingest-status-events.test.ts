import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { AppError } from '../domain/app-error.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import type { Deps } from './deps.ts'
import { ingestStatusEvents, type StatusEventsInput } from './ingest-status-events.ts'
import { ACME, ADMIN, fixedClock, HELPDESK_SLA, seedPeople } from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

/** `component source status start→end` per interval, times as HH:MM on 2026-10-03. */
async function intervals(t: TestDb, service = 'portal'): Promise<string[]> {
  const rows = await t.db.query<{
    component: string
    source: string
    status: string
    start_at: Date
    end_at: Date | null
  }>(
    `select component, source, status, start_at, end_at from status_intervals
      where customer_id = 'acme' and service = $1 order by component, source, start_at`,
    [service],
  )
  const hhmm = (d: Date | null) => (d === null ? '…' : d.toISOString().slice(11, 16))
  return rows.map(
    (r) => `${r.component || '-'} ${r.source} ${r.status} ${hhmm(r.start_at)}→${hhmm(r.end_at)}`,
  )
}

const at = (hhmm: string) => `2026-10-03T${hhmm}:00Z`
const event = (id: string, hhmm: string, status: string, extra: object = {}) => ({
  id,
  customer: 'acme',
  service: 'portal',
  component: 'api',
  at: at(hhmm),
  status,
  ...extra,
})

describe('ingesting status events', () => {
  let t: TestDb
  let deps: Deps
  const ingest = (input: StatusEventsInput) => ingestStatusEvents(deps, ADMIN, input)
  before(async () => {
    t = await createTestDb()
    deps = { db: t.db, now: fixedClock('2026-10-04T00:00:00Z') }
    await seedPeople(t.db)
    await uploadAgreement(deps, ADMIN, { text: HELPDESK_SLA, filename: 'helpdesk-sla.yaml' })
  })
  beforeEach(() => t.db.exec('delete from status_events; delete from status_intervals'))
  after(() => t.drop())

  test("the issue's JSONL: down from 10:00, up from 10:42:30; a resend changes nothing", async () => {
    const text = [
      '{"id":"s-1","service":"portal","component":"api","at":"2026-10-03T10:00:00Z","status":"down","source":"alertmanager"}',
      '',
      '{"id":"s-2","service":"portal","component":"api","at":"2026-10-03T10:42:30Z","status":"up"}',
    ].join('\n')
    assert.deepEqual(await ingest({ format: 'generic', body: text, customer: 'acme' }), {
      accepted: 2,
      duplicates: 0,
    })
    const first = await intervals(t)
    assert.deepEqual(first, ['api events down 10:00→10:42', 'api events up 10:42→…'])
    assert.deepEqual(await ingest({ format: 'generic', body: text, customer: 'acme' }), {
      accepted: 0,
      duplicates: 2,
    })
    assert.deepEqual(await intervals(t), first)
  })

  test('a late event splits the interval it falls in; the status holds until the next report', async () => {
    await ingest({ format: 'generic', body: [event('a', '10:00', 'down'), event('b', '11:00', 'up')] })
    await ingest({ format: 'generic', body: event('c', '10:20', 'up') })
    assert.deepEqual(await intervals(t), ['api events down 10:00→10:20', 'api events up 10:20→…'])
    await ingest({ format: 'generic', body: event('d', '10:40', 'down') })
    assert.deepEqual(await intervals(t), [
      'api events down 10:00→10:20',
      'api events up 10:20→10:40',
      'api events down 10:40→11:00',
      'api events up 11:00→…',
    ])
    await ingest({
      format: 'generic',
      body: [event('e', '09:00', 'unknown'), event('f', '10:40', 'degraded')],
    })
    assert.deepEqual(await intervals(t), [
      'api events unknown 09:00→10:00',
      'api events down 10:00→10:20',
      'api events up 10:20→10:40',
      'api events degraded 10:40→11:00',
      'api events up 11:00→…',
    ])
  })

  test('equal reports merge; a report equal to both neighbours joins them', async () => {
    await ingest({
      format: 'generic',
      body: [event('a', '10:00', 'up'), event('b', '10:10', 'up'), event('c', '10:20', 'down')],
    })
    assert.deepEqual(await intervals(t), ['api events up 10:00→10:20', 'api events down 10:20→…'])
    await ingest({ format: 'generic', body: [event('d', '10:20', 'up'), event('e', '10:30', 'up')] })
    assert.deepEqual(await intervals(t), ['api events up 10:00→…'], 'the later report at 10:20 wins')
  })

  test('an id reused for other content is a conflict, and nothing of the batch is stored', async () => {
    await ingest({ format: 'generic', body: event('a', '10:00', 'down') })
    await assert.rejects(
      ingest({ format: 'generic', body: [event('b', '10:30', 'up'), event('a', '10:05', 'down')] }),
      (e: AppError) => e.code === 'conflict' && e.issues[0]?.path.join('.') === '1.id',
    )
    assert.deepEqual(await intervals(t), ['api events down 10:00→…'])
  })

  test('bad lines are reported by line and field, and none is stored', async () => {
    const text = [
      JSON.stringify(event('a', '10:00', 'down')),
      JSON.stringify({ ...event('b', '10:10', 'sideways'), at: 'yesterday' }),
      '{not json',
    ].join('\n')
    await assert.rejects(ingest({ format: 'generic', body: text }), (e: AppError) => {
      assert.equal(e.code, 'invalid_input')
      assert.deepEqual(
        e.issues.map((i) => [i.line, i.path.join('.')]),
        [[3, '']],
        'a line that is not JSON stops the batch before anything else',
      )
      return true
    })
    await assert.rejects(
      ingest({ format: 'generic', body: text.split('\n').slice(0, 2).join('\n') }),
      (e: AppError) => {
        assert.deepEqual(
          e.issues.map((i) => [i.line, i.path.join('.')]),
          [
            [2, '1.at'],
            [2, '1.status'],
          ],
        )
        return true
      },
    )
    assert.deepEqual(await intervals(t), [])
  })

  test('an unknown service, component or customer is named with a hint', async () => {
    const bad = [
      event('a', '10:00', 'down', { service: 'portl' }),
      event('b', '10:00', 'down', { component: 'cache' }),
      event('c', '10:00', 'down', { customer: undefined }),
      event('d', '10:00', 'down', { customer: 'initech' }),
    ]
    await assert.rejects(ingest({ format: 'generic', body: bad }), (e: AppError) => {
      assert.deepEqual(
        e.issues.map((i) => [i.path.join('.'), i.hint ?? '']),
        [
          ['0.service', 'did you mean portal?'],
          ['1.component', 'its components: web, api, database'],
          ['2.customer', 'name the customer: a "customer" field, label or tag, or ?customer= on the URL'],
          ['3.customer', ''],
        ],
      )
      return true
    })
  })

  test('only staff send status events', async () => {
    await assert.rejects(
      ingestStatusEvents(deps, ACME, { format: 'generic', body: event('a', '10:00', 'down') }),
      (e: AppError) => e.code === 'forbidden',
    )
  })
})
