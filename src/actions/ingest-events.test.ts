import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { AppError } from '../domain/app-error.ts'
import { clocksOfTicket } from '../storage/clocks.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { findTicket } from '../storage/tickets.ts'
import type { Deps } from './deps.ts'
import { getTicket } from './get-ticket.ts'
import { ingestEvents } from './ingest-events.ts'
import {
  ACME,
  ADMIN,
  fixedClock,
  GLOBEX,
  HELPDESK_SLA,
  seedPeople,
  T100_EVENTS,
} from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

describe('ingesting events', () => {
  let t: TestDb
  let deps: Deps
  before(async () => {
    t = await createTestDb()
    deps = { db: t.db, now: fixedClock('2026-11-27T00:00:00Z') }
    await seedPeople(t.db)
    await uploadAgreement(deps, ADMIN, { text: HELPDESK_SLA, filename: 'helpdesk-sla.yaml' })
  })
  after(() => t.drop())

  test('stores a batch and derives the ticket and its clocks', async () => {
    const result = await ingestEvents(deps, ADMIN, T100_EVENTS)
    assert.deepEqual(result, { accepted: 10, duplicates: 0, tickets: 1 })
    const ticket = await findTicket(t.db, 'acme', 'T-100')
    assert.equal(ticket?.severity, 'P1')
    assert.equal(ticket?.status, 'reopened')
    const clocks = await clocksOfTicket(t.db, 'acme', 'T-100')
    const first = clocks.find((c) => c.metric === 'first_response')
    assert.deepEqual(
      [
        first?.state,
        first?.breached,
        first?.target_ms,
        first?.elapsed_ms,
        first?.due?.toISOString(),
        first?.version,
      ],
      ['met', false, 7_200_000, 4_200_000, '2026-11-23T09:30:00.000Z', 'acme-helpdesk@1'],
    )
  })

  test('the same batch again is stored once: every event a duplicate', async () => {
    const result = await ingestEvents(deps, ADMIN, T100_EVENTS)
    assert.deepEqual(result, { accepted: 0, duplicates: 10, tickets: 0 })
    const [{ n }] = (await t.db.query<{ n: number }>('select count(*)::int as n from ticket_events')) as [
      { n: number },
    ]
    assert.equal(n, 10)
  })

  test('an id reused for other content is a conflict, and the batch changes nothing', async () => {
    const batch = [
      {
        id: 'x-1',
        ticket: 'T-100',
        type: 'message',
        at: '2026-11-26T10:00:00Z',
        author: 'agent',
        public: true,
      },
      { ...T100_EVENTS[2], at: '2026-11-23T08:41:00Z' },
    ]
    await assert.rejects(
      () => ingestEvents(deps, ADMIN, batch),
      (e: unknown) => e instanceof AppError && e.code === 'conflict' && /e-3/.test(e.message),
    )
    assert.equal((await t.db.query(`select 1 from ticket_events where event_id = 'x-1'`)).length, 0)
  })

  test('the same id twice in one batch with other content is a conflict; with the same content, one event', async () => {
    const reply = {
      id: 'dup-1',
      ticket: 'T-100',
      type: 'message',
      at: '2026-11-26T12:00:00Z',
      author: 'agent',
      public: true,
    }
    await assert.rejects(
      () => ingestEvents(deps, ADMIN, [reply, { ...reply, at: '2026-11-26T12:05:00Z' }]),
      (e: unknown) => e instanceof AppError && e.code === 'conflict',
    )
    assert.deepEqual(await ingestEvents(deps, ADMIN, [reply, { ...reply }]), {
      accepted: 1,
      duplicates: 1,
      tickets: 1,
    })
  })

  test('a batch with one bad event stores nothing and names the event and field', async () => {
    const batch = [
      {
        id: 'y-1',
        ticket: 'T-100',
        type: 'message',
        at: '2026-11-26T10:00:00Z',
        author: 'agent',
        public: true,
      },
      { id: 'y-2', ticket: 'T-100', type: 'status', at: 'yesterday', status: 'open' },
    ]
    await assert.rejects(
      () => ingestEvents(deps, ADMIN, batch),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'invalid_input' &&
        e.issues[0]?.path.join('.') === '1.at' &&
        /ISO 8601/.test(e.issues[0]!.message),
    )
    assert.equal((await t.db.query(`select 1 from ticket_events where event_id = 'y-1'`)).length, 0)
  })

  test('a late event that belongs earlier is replayed in its place', async () => {
    // A reply at 17:00 Friday, sent after everything else: the first response was met then.
    await ingestEvents(deps, ADMIN, [
      {
        id: 'late-1',
        ticket: 'T-100',
        type: 'message',
        at: '2026-11-20T16:45:00Z',
        author: 'agent',
        public: true,
      },
    ])
    const first = (await clocksOfTicket(t.db, 'acme', 'T-100')).find((c) => c.metric === 'first_response')
    assert.equal(first?.stopped_at?.toISOString(), '2026-11-20T16:45:00.000Z')
    assert.equal(first?.elapsed_ms, 15 * 60_000)
  })

  test("a customer's token speaks only for its own organisation", async () => {
    await assert.rejects(
      () =>
        ingestEvents(deps, GLOBEX, [
          {
            id: 'g-1',
            ticket: 'T-100',
            type: 'message',
            at: '2026-11-26T10:00:00Z',
            author: 'requester',
            public: true,
          },
        ]),
      // As if the ticket did not exist: another customer's ticket must not show through.
      (e: unknown) => e instanceof AppError && e.issues[0]?.message === 'ticket "T-100" has no created event',
    )
    const ok = await ingestEvents(deps, ACME, [
      {
        id: 'a-1',
        ticket: 'T-100',
        type: 'message',
        at: '2026-11-26T10:00:00Z',
        author: 'requester',
        public: true,
      },
    ])
    assert.equal(ok.accepted, 1)
  })

  test('two customers may use the same ticket id; staff then name the customer', async () => {
    const created = { ...T100_EVENTS[0]!, id: 'g-created', customer: 'globex', service: undefined }
    const { service: _s, ...globexCreated } = created
    const ok = await ingestEvents(deps, GLOBEX, [globexCreated])
    assert.equal(ok.accepted, 1)
    assert.equal((await findTicket(t.db, 'globex', 'T-100'))?.customer_id, 'globex')
    assert.equal((await findTicket(t.db, 'acme', 'T-100'))?.status, 'reopened')
    await assert.rejects(
      () =>
        ingestEvents(deps, ADMIN, [
          { id: 's-1', ticket: 'T-100', type: 'status', at: '2026-11-26T11:00:00Z', status: 'open' },
        ]),
      (e: unknown) =>
        e instanceof AppError &&
        e.issues[0]?.message === 'several customers have a ticket "T-100" (acme, globex)',
    )
    await assert.rejects(
      () => getTicket(deps, ADMIN, 'T-100'),
      (e: unknown) => e instanceof AppError && e.code === 'invalid_input',
    )
    assert.equal((await getTicket(deps, ADMIN, 'T-100', 'globex')).ticket.customer_id, 'globex')
    assert.equal((await getTicket(deps, GLOBEX, 'T-100')).ticket.customer_id, 'globex')
  })

  test('an event for a ticket never created is refused with a hint', async () => {
    await assert.rejects(
      () =>
        ingestEvents(deps, ADMIN, [
          { id: 'z-1', ticket: 'T-404', type: 'status', at: '2026-11-26T10:00:00Z', status: 'open' },
        ]),
      (e: unknown) =>
        e instanceof AppError && e.issues[0]?.hint === 'send its created event first, or in the same batch',
    )
  })
})
