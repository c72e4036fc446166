// What a section renderer sees: the agreement, the keys the outline shows, and lookups that
// turn references (contact ids, severity ids, calendar ids) into names people read.
import type { SectionKey } from '../../domain/agreement/outline.ts'
import type { Agreement, AgreementSpec } from '../../domain/agreement/schema.ts'
import type { Block } from '../blocks.ts'
import { capitalise, formatList, words } from '../format.ts'

export type SectionContext = {
  agreement: Agreement
  spec: AgreementSpec
  /** The section keys the outline shows anywhere, so a section can leave out what another shows. */
  outlineKeys: ReadonlySet<SectionKey>
}

export type SectionRenderer = (ctx: SectionContext) => Block[]

type Contact = NonNullable<AgreementSpec['contacts']>[number]

export function findContact(ctx: SectionContext, id: string | undefined): Contact | undefined {
  return id === undefined ? undefined : ctx.spec.contacts?.find((c) => c.id === id)
}

/** A contact's name, or the id as written when it names no contact. */
export function contactName(ctx: SectionContext, id: string | undefined): string {
  if (id === undefined) return ''
  return findContact(ctx, id)?.name ?? id
}

export function contactNames(ctx: SectionContext, ids: readonly string[] | undefined): string {
  return formatList((ids ?? []).map((id) => contactName(ctx, id)))
}

/** How to reach a contact: email and phone. */
export function contactDetails(ctx: SectionContext, id: string | undefined): string {
  const contact = findContact(ctx, id)
  return contact ? [contact.email, contact.phone].filter(Boolean).join(', ') : ''
}

/** The name of the party or organisation with this id; other organisations as written. */
export function organisationName(ctx: SectionContext, id: string | undefined): string {
  if (id === undefined) return ''
  const { provider, customer } = ctx.spec.parties
  if (id === provider.id) return provider.name
  if (id === customer.id) return customer.name
  return ctx.spec.thirdParties?.find((t) => t.id === id)?.name ?? id
}

/** `P1 Critical` for a severity id. */
export function severityLabel(ctx: SectionContext, id: string): string {
  const severity = ctx.spec.severities?.find((s) => s.id === id)
  return severity ? `${severity.id} ${severity.name}` : id
}

export function severityRank(ctx: SectionContext, id: string): number {
  return ctx.spec.severities?.find((s) => s.id === id)?.rank ?? Number.MAX_SAFE_INTEGER
}

export function serviceName(ctx: SectionContext, id: string): string {
  return ctx.spec.services?.find((s) => s.id === id)?.name ?? id
}

/** A calendar's name as the agreement's readers know it: its name or id, and 24×7 when it is. */
export function calendarLabel(ctx: SectionContext, id: string | undefined): string {
  if (id === undefined) return ''
  const calendar = ctx.spec.calendars?.find((c) => c.id === id)
  if (!calendar) return id
  const name = typeof calendar.name === 'string' ? calendar.name : id
  return calendar.week === '24x7' ? `${name} (24×7)` : name
}

const METRIC_LABELS: Record<string, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  periodic_update: 'Periodic update',
  resolution: 'Resolution',
}

export const METRIC_ORDER = ['first_response', 'next_response', 'periodic_update', 'resolution']

export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? capitalise(words(metric))
}
