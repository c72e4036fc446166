// A test database with the fixture people, ticket T-100 of Acme and a helper to enqueue the
// notices of clock events, the way the timer worker does (inside a transaction).
import type { Actor } from '../../actions/deps.ts'
import { type ClockNotice, enqueueNotifications } from '../../actions/enqueue-notification.ts'
import { createChannel } from '../../actions/manage-notification-channels.ts'
import { seedPeople } from '../../actions/test-support/fixtures.ts'
import type { ChannelInput } from '../../domain/notifications/channel-input.ts'
import { createTestDb, type TestDb } from '../../storage/test-support/test-db.ts'

export const ADMIN: Actor = { userId: 'u-admin', role: 'admin', organisationId: 'example-it' }
export const BASE_URL = 'https://sla.example-it.example'

export async function createOutboxDb(): Promise<TestDb> {
  const t = await createTestDb()
  await seedPeople(t.db)
  await t.db.execute(
    `insert into tickets (customer_id, id, severity, status, subject, created_at, updated_at)
     values ('acme', 'T-100', 'P2', 'open', 'Printer on fire', now(), now())`,
  )
  return t
}

export function notice(overrides: Partial<ClockNotice> = {}): ClockNotice {
  return {
    event: 'clock.warning',
    customerId: 'acme',
    ticketId: 'T-100',
    agreementId: 'acme-helpdesk',
    metric: 'first-response',
    cycle: 1,
    severity: 'P2',
    targetMs: 4 * 3_600_000,
    due: Date.parse('2026-11-27T14:00:00Z'),
    remainingMs: 90 * 60_000,
    at: Date.parse('2026-11-27T12:30:00Z'),
    thresholdPercent: 75,
    contacts: [{ name: 'Ann Acme', email: 'ann@acme.example', role: 'customer-representative' }],
    ...overrides,
  }
}

export async function enqueue(t: TestDb, now: number, notices: ClockNotice[]): Promise<number> {
  return t.db.transaction((tx) =>
    enqueueNotifications({ db: tx, now: () => now, baseUrl: BASE_URL }, notices),
  )
}

export async function addChannel(t: TestDb, input: ChannelInput): Promise<string> {
  return (await createChannel({ db: t.db, now: Date.now }, ADMIN, input)).id
}
