import { readFileSync } from 'node:fs'
import type { Db } from '../../storage/db.ts'
import { insertOrganisation } from '../../storage/organisations.ts'
import { insertUser } from '../../storage/users.ts'
import type { Actor, Deps } from '../deps.ts'

export const ADMIN: Actor = { userId: 'u-admin', role: 'admin', organisationId: 'example-it' }
export const ACME: Actor = { userId: 'u-acme', role: 'customer', organisationId: 'acme' }
export const GLOBEX: Actor = { userId: 'u-globex', role: 'customer', organisationId: 'globex' }

export const HELPDESK_SLA = readFileSync(
  new URL('../../../../shared/examples/helpdesk-sla.yaml', import.meta.url),
  'utf8',
)

/** The example ticket T-100, as event inputs. */
export const T100_EVENTS = [
  {
    id: 'e-1',
    ticket: 'T-100',
    type: 'created',
    at: '2026-11-20T16:30:00Z',
    customer: 'acme',
    service: 'portal',
    severity: 'P2',
    requester: 'ann@acme.example',
    channel: 'email',
    subject: 'Login fails',
  },
  {
    id: 'e-2',
    ticket: 'T-100',
    type: 'message',
    at: '2026-11-20T16:31:00Z',
    author: 'system',
    public: true,
    automated: true,
  },
  { id: 'e-3', ticket: 'T-100', type: 'message', at: '2026-11-23T08:40:00Z', author: 'agent', public: true },
  { id: 'e-4', ticket: 'T-100', type: 'status', at: '2026-11-23T09:00:00Z', status: 'waiting_on_customer' },
  {
    id: 'e-5',
    ticket: 'T-100',
    type: 'message',
    at: '2026-11-24T10:00:00Z',
    author: 'requester',
    public: true,
  },
  { id: 'e-6', ticket: 'T-100', type: 'status', at: '2026-11-24T10:00:00Z', status: 'open' },
  { id: 'e-7', ticket: 'T-100', type: 'severity', at: '2026-11-24T11:00:00Z', severity: 'P1' },
  { id: 'e-8', ticket: 'T-100', type: 'status', at: '2026-11-24T12:00:00Z', status: 'resolved' },
  { id: 'e-9', ticket: 'T-100', type: 'status', at: '2026-11-25T09:00:00Z', status: 'reopened' },
  { id: 'e-10', ticket: 'T-100', type: 'satisfaction', at: '2026-11-26T09:00:00Z', rating: 4, scale: 5 },
]

export async function seedPeople(db: Db): Promise<void> {
  await insertOrganisation(db, { id: 'example-it', name: 'Example IT', kind: 'provider' })
  await insertOrganisation(db, { id: 'acme', name: 'Acme', kind: 'customer' })
  await insertOrganisation(db, { id: 'globex', name: 'Globex', kind: 'customer' })
  await insertUser(db, {
    id: 'u-admin',
    email: 'admin@example-it.example',
    name: 'Admin',
    role: 'admin',
    organisation_id: 'example-it',
  })
  await insertUser(db, {
    id: 'u-acme',
    email: 'ann@acme.example',
    name: 'Ann',
    role: 'customer',
    organisation_id: 'acme',
  })
  await insertUser(db, {
    id: 'u-globex',
    email: 'gil@globex.example',
    name: 'Gil',
    role: 'customer',
    organisation_id: 'globex',
  })
}

export function fixedClock(iso: string): Deps['now'] {
  const t = Date.parse(iso)
  return () => t
}
