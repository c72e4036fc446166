// The JSON boundary: rows from the actions become the API's shapes (snake_case, ISO instants),
// typed by the response schemas so that the OpenAPI document cannot drift from what is sent.

import type { z } from 'zod'
import type { AgreementVersionRow, AgreementWithVersions } from '../actions/get-agreement.ts'
import type { ClockRow, StoredEvent, TicketDetail, TicketRow } from '../actions/get-ticket.ts'
import type { AgreementRow } from '../actions/list-agreements.ts'
import type { OrganisationRow } from '../actions/list-organisations.ts'
import type { TokenRow } from '../actions/list-tokens.ts'
import type { UserRow } from '../actions/list-users.ts'
import type { UploadResult } from '../actions/upload-agreement.ts'
import type * as A from './schemas/agreements.ts'
import type * as P from './schemas/people.ts'
import type * as T from './schemas/tickets.ts'

const iso = (d: Date) => d.toISOString()
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString())

export function presentOrganisation(o: OrganisationRow): z.output<typeof P.OrganisationSchema> {
  return { id: o.id, name: o.name, kind: o.kind, created_at: iso(o.created_at) }
}

export function presentUser(u: UserRow): z.output<typeof P.UserSchema> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisation: u.organisation_id,
    created_at: iso(u.created_at),
    disabled_at: isoOrNull(u.disabled_at),
  }
}

export function presentToken(t: TokenRow): z.output<typeof P.TokenSchema> {
  return {
    id: t.id,
    user: t.user_id,
    name: t.name,
    created_at: iso(t.created_at),
    last_used_at: isoOrNull(t.last_used_at),
    revoked_at: isoOrNull(t.revoked_at),
  }
}

export function presentAgreement(a: AgreementRow): z.output<typeof A.AgreementSummarySchema> {
  return {
    id: a.id,
    customer: a.customer_id,
    provider: a.provider_id,
    kind: a.kind,
    title: a.title,
    created_at: iso(a.created_at),
  }
}

export function presentVersion(v: AgreementVersionRow): z.output<typeof A.AgreementVersionSchema> {
  return {
    version: v.version,
    content_hash: v.content_hash,
    effective_from: iso(v.effective_from),
    created_at: iso(v.created_at),
    created_by: v.created_by,
  }
}

export function presentAgreementDetail(d: AgreementWithVersions): z.output<typeof A.AgreementDetailSchema> {
  return { ...presentAgreement(d.agreement), versions: d.versions.map(presentVersion) }
}

export function presentVersionDocument(v: AgreementVersionRow): z.output<typeof A.VersionDocumentSchema> {
  return { agreement: v.agreement_id, ...presentVersion(v), document: JSON.parse(v.document) }
}

export function presentUpload(u: UploadResult): z.output<typeof A.UploadResultSchema> {
  return {
    agreement: u.agreement,
    version: u.version,
    content_hash: u.contentHash,
    created: u.created,
    effective_from: u.effectiveFrom,
    warnings: u.warnings,
  }
}

export function presentTicket(t: TicketRow): z.output<typeof T.TicketSchema> {
  return {
    id: t.id,
    customer: t.customer_id,
    service: t.service,
    severity: t.severity,
    status: t.status,
    subject: t.subject,
    requester: t.requester,
    agent: t.agent,
    channel: t.channel,
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
  }
}

export function presentClock(c: ClockRow): z.output<typeof T.ClockSchema> {
  return {
    ticket: c.ticket_id,
    customer: c.customer_id,
    agreement: c.agreement_id,
    version: c.version,
    metric: c.metric,
    cycle: c.cycle,
    severity: c.severity,
    state: c.state,
    breached: c.breached,
    target_ms: c.target_ms,
    elapsed_ms: c.elapsed_ms,
    due: isoOrNull(c.due),
    started_at: iso(c.started_at),
    stopped_at: isoOrNull(c.stopped_at),
  }
}

export function presentEvent(e: StoredEvent): z.output<typeof T.StoredEventSchema> {
  return { ...e.body, id: e.event_id, ticket: e.ticket_id, type: e.type, at: iso(e.at) }
}

export function presentTicketDetail(d: TicketDetail): z.output<typeof T.TicketDetailSchema> {
  return {
    ...presentTicket(d.ticket),
    clocks: d.clocks.map(presentClock),
    events: d.events.map(presentEvent),
  }
}
