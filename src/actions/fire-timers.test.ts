// Timers through the real path: events ingested with ingestEvents arm, move and cancel them in
// the same transaction; fireDueTimers fires them at their instants under a fake clock.
// Helpdesk SLA: P2 first response 2h, resolution 16h on London business hours (GMT in
// November: Mon–Thu 08–18, Fri 08–17); P1 resolution 4h on 24×7; warnAt 50/75/90%;
// escalation level 1 at 75%, level 2 at 100% (P1, P2), level 3 at 200% (P1 only).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { timersOfTicket } from '../storage/timers.ts'
import type { Deps } from './deps.ts'
import { fireDueTimers } from './fire-timers.ts'
import { ingestEvents } from './ingest-events.ts'
import { ADMIN, HELPDESK_SLA, seedPeople } from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

const at = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00Z`)
const iso = (text: string) => new Date(at(text)).toISOString()
const FIRE = { limit: 1000, toleranceMs: 5_000, worker: 'test' }

describe('timers', () => {
  let t: TestDb
  let now = at('2026-11-01 00:00')
  const deps = (): Deps => ({ db: t.db, now: () => now })
  let seq = 0

  before(async () => {
    t = await createTestDb()
    await seedPeople(t.db)
    await uploadAgreement(deps(), ADMIN, { text: HELPDESK_SLA, filename: 'helpdesk-sla.yaml' })
  })
  after(() => t.drop())

  // Ingests one event at its own instant, as a helpdesk would send it.
  async function send(ticket: string, when: string, body: Record<string, unknown>): Promise<void> {
    now = at(when)
    const first = body.type === 'created' ? { customer: 'acme', service: 'portal', severity: 'P2' } : {}
    await ingestEvents(deps(), ADMIN, [{ id: `ev-${++seq}`, ticket, at: iso(when), ...first, ...body }])
  }
  const reply = { type: 'message', author: 'agent', public: true }
  const status = (s: string) => ({ type: 'status', status: s })

  async function timers(ticket: string, metric = 'resolution'): Promise<string[]> {
    return (await timersOfTicket(t.db, 'acme', ticket))
      .filter((x) => x.metric === metric)
      .map((x) => `${x.kind} ${x.level} ${x.state} ${x.due_at.toISOString()}`)
  }
  async function fire(when: string, ticket: string) {
    now = at(when)
    return (await fireDueTimers(deps(), FIRE)).filter((f) => f.ticketId === ticket)
  }
  const armed = (kind: string, level: number, due: string, state = 'armed') =>
    `${kind} ${level} ${state} ${iso(due)}`

  test('a new ticket arms every threshold of its running clocks', async () => {
    await send('T-A', '2026-11-23 09:00', { type: 'created' })
    assert.deepEqual(await timers('T-A', 'first_response'), [
      armed('warning', 5000, '2026-11-23 10:00'),
      armed('warning', 7500, '2026-11-23 10:30'),
      armed('warning', 9000, '2026-11-23 10:48'),
      armed('breach', 10000, '2026-11-23 11:00'),
    ])
    assert.equal((await timers('T-A')).length, 6)
  })

  test('each fires at its instant, not a millisecond before, and not late', async () => {
    for (const due of ['2026-11-23 10:00', '2026-11-23 10:30', '2026-11-23 10:48', '2026-11-23 11:00']) {
      now = at(due) - 1
      assert.deepEqual(
        (await fireDueTimers(deps(), FIRE)).filter((f) => f.ticketId === 'T-A'),
        [],
      )
      const fired = await fire(due, 'T-A')
      assert.deepEqual(
        fired.map((f) => [f.metric, f.dueAt.toISOString(), f.lateMs]),
        [['first_response', iso(due), null]],
      )
    }
    const records = await t.db.query<{ n: number }>(
      `select count(*)::int as n from timer_firings where ticket_id = 'T-A'`,
    )
    assert.equal(records[0]?.n, 4)
  })

  test('a reply meets the clock: its armed timers are cancelled, the fired ones stay', async () => {
    await send('T-B', '2026-11-23 09:00', { type: 'created' })
    await fire('2026-11-23 10:00', 'T-B')
    await send('T-B', '2026-11-23 10:10', reply)
    assert.deepEqual(await timers('T-B', 'first_response'), [
      armed('warning', 5000, '2026-11-23 10:00', 'fired'),
      armed('warning', 7500, '2026-11-23 10:30', 'cancelled'),
      armed('warning', 9000, '2026-11-23 10:48', 'cancelled'),
      armed('breach', 10000, '2026-11-23 11:00', 'cancelled'),
    ])
  })

  test('a pause cancels, and the resume re-arms where the remaining budget is spent', async () => {
    await send('T-P', '2026-11-23 09:00', { type: 'created' })
    await send('T-P', '2026-11-23 09:05', reply)
    await send('T-P', '2026-11-23 12:00', status('waiting_on_customer'))
    assert.ok((await timers('T-P')).every((x) => x.includes(' cancelled ')))
    // 3h used by the pause; resumed Tue 12:00: 5h more → 17:00; 9h → Wed 11:00; 13h → Wed 15:00.
    await send('T-P', '2026-11-24 12:00', status('open'))
    assert.deepEqual(await timers('T-P'), [
      armed('warning', 5000, '2026-11-24 17:00'),
      armed('escalation', 1, '2026-11-25 11:00'),
      armed('warning', 7500, '2026-11-25 11:00'),
      armed('warning', 9000, '2026-11-25 13:24'),
      armed('breach', 10000, '2026-11-25 15:00'),
      armed('escalation', 2, '2026-11-25 15:00'),
    ])
  })

  test('a severity change moves them, and arms or cancels the levels of that severity', async () => {
    await send('T-S', '2026-11-23 09:00', { type: 'created' })
    await send('T-S', '2026-11-23 09:05', reply)
    await send('T-S', '2026-11-23 10:00', { type: 'severity', severity: 'P1' })
    // P1: 4h on 24×7 from the original start.
    assert.deepEqual(await timers('T-S'), [
      armed('warning', 5000, '2026-11-23 11:00'),
      armed('escalation', 1, '2026-11-23 12:00'),
      armed('warning', 7500, '2026-11-23 12:00'),
      armed('warning', 9000, '2026-11-23 12:36'),
      armed('breach', 10000, '2026-11-23 13:00'),
      armed('escalation', 2, '2026-11-23 13:00'),
      armed('escalation', 3, '2026-11-23 17:00'),
    ])
    await send('T-S', '2026-11-23 10:30', { type: 'severity', severity: 'P2' })
    assert.deepEqual(await timers('T-S'), [
      armed('escalation', 3, '2026-11-23 17:00', 'cancelled'),
      armed('warning', 5000, '2026-11-23 17:00'),
      armed('escalation', 1, '2026-11-24 11:00'),
      armed('warning', 7500, '2026-11-24 11:00'),
      armed('warning', 9000, '2026-11-24 13:24'),
      armed('breach', 10000, '2026-11-24 15:00'),
      armed('escalation', 2, '2026-11-24 15:00'),
    ])
  })

  test('a resolution cancels them; a reopen re-arms the rest and never the fired one', async () => {
    await send('T-R', '2026-11-23 09:00', { type: 'created' })
    await send('T-R', '2026-11-23 09:05', reply)
    assert.equal((await fire('2026-11-23 17:00', 'T-R')).length, 1)
    await send('T-R', '2026-11-23 17:30', status('resolved'))
    assert.deepEqual(
      (await timers('T-R')).map((x) => x.split(' ')[2]),
      ['fired', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled'],
    )
    // 8h30m used; Tue 09:00 on: 75% after 3h30m → 12:30, 90% → 14:54, 100% → 16:30.
    await send('T-R', '2026-11-24 09:00', status('reopened'))
    assert.deepEqual(await timers('T-R'), [
      armed('warning', 5000, '2026-11-23 17:00', 'fired'),
      armed('escalation', 1, '2026-11-24 12:30'),
      armed('warning', 7500, '2026-11-24 12:30'),
      armed('warning', 9000, '2026-11-24 14:54'),
      armed('breach', 10000, '2026-11-24 16:30'),
      armed('escalation', 2, '2026-11-24 16:30'),
    ])
    assert.deepEqual(
      await fire('2026-11-24 12:30', 'T-R').then((f) => f.map((x) => x.level).sort((a, b) => a - b)),
      [1, 7500],
    )
  })

  test('a timer missed while the worker was down fires once, marked with how late', async () => {
    await send('T-L', '2026-11-30 09:00', { type: 'created' })
    const fired = await fire('2026-11-30 13:00', 'T-L')
    assert.deepEqual(
      fired
        .filter((f) => f.metric === 'first_response')
        .map((f) => [f.level, f.lateMs])
        .sort((a, b) => a[0]! - b[0]!),
      [
        [5000, 180 * 60_000],
        [7500, 150 * 60_000],
        [9000, 132 * 60_000],
        [10000, 120 * 60_000],
      ],
    )
    assert.deepEqual(await fire('2026-11-30 13:00', 'T-L'), [])
    const records = await t.db.query<{ level: number; late_ms: number | null }>(
      `select level, late_ms from timer_firings where ticket_id = 'T-L' and metric = 'first_response' order by level`,
    )
    assert.deepEqual(
      records.map((r) => r.late_ms),
      [180, 150, 132, 120].map((m) => m * 60_000),
    )
  })

  test('a revision of the agreement re-arms the clocks it now measures, in its upload', async () => {
    await send('T-V', '2026-12-07 09:00', { type: 'created' })
    await send('T-V', '2026-12-07 09:05', reply)
    const revised = HELPDESK_SLA.replace('warnAt: [50%, 75%, 90%]', 'warnAt: [60%]').replace(
      /(level: 1, severities: \[P1, P2\], metric: resolution, at: )75%/,
      '$150%',
    )
    assert.notEqual(revised, HELPDESK_SLA)
    now = at('2026-12-07 09:30')
    await uploadAgreement(deps(), ADMIN, { text: revised, effectiveFrom: '2026-12-01' })
    // 60% of 16h is 9h36m: Mon 09:00–18:00 and 36 minutes of Tuesday.
    assert.deepEqual(await timers('T-V'), [
      armed('escalation', 1, '2026-12-07 17:00'),
      armed('warning', 5000, '2026-12-07 17:00', 'cancelled'),
      armed('warning', 6000, '2026-12-08 08:36'),
      armed('warning', 7500, '2026-12-08 11:00', 'cancelled'),
      armed('warning', 9000, '2026-12-08 13:24', 'cancelled'),
      armed('breach', 10000, '2026-12-08 15:00'),
      armed('escalation', 2, '2026-12-08 15:00'),
    ])
  })
})
