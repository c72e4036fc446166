// Parties, purpose, scope and audience, objectives and assumptions, term, services, and the
// free-text sections.
import type { AgreementSpec } from '../../domain/agreement/schema.ts'
import { type Block, bullets, keyValue, paragraph, table } from '../blocks.ts'
import { escapeMarkdown, formatDate, formatList, formatPeriod, plainText, words } from '../format.ts'
import { contactName, type SectionContext, type SectionRenderer, serviceName } from './context.ts'

type Statement = NonNullable<AgreementSpec['objectives']>[number]

/** Free Markdown text, shown as written. */
function prose(pick: (spec: AgreementSpec) => string | undefined): SectionRenderer {
  return (ctx) => {
    const text = pick(ctx.spec)
    return text ? [paragraph(text)] : []
  }
}

function statements(pick: (spec: AgreementSpec) => Statement[] | undefined): SectionRenderer {
  return (ctx) =>
    bullets(
      (pick(ctx.spec) ?? []).map((s) =>
        s.owner ? `${s.text} _(owner: ${escapeMarkdown(contactName(ctx, s.owner))})_` : s.text,
      ),
    )
}

function parties(ctx: SectionContext): Block[] {
  const { provider, customer } = ctx.spec.parties
  const row = (role: string, party: typeof provider) => [
    role,
    party.name,
    contactName(ctx, party.signatory),
    party.address ?? '',
    party.url ?? '',
  ]
  return table(
    ['Party', 'Name', 'Signatory', 'Address', 'Website'],
    [row('Provider', provider), row('Customer', customer)],
  )
}

function scope(ctx: SectionContext): Block[] {
  const { inScope = [], outOfScope = [] } = ctx.spec.scope ?? {}
  const inItems = inScope.map((item) =>
    item.service
      ? `${item.description} _(${escapeMarkdown(serviceName(ctx, item.service))})_`
      : item.description,
  )
  return [
    ...(inItems.length > 0 ? [paragraph('**In scope**'), ...bullets(inItems)] : []),
    ...(outOfScope.length > 0
      ? [paragraph('**Out of scope**'), ...bullets(outOfScope.map((item) => item.description))]
      : []),
  ]
}

function audience(ctx: SectionContext): Block[] {
  const audience = ctx.spec.scope?.audience
  return keyValue([
    ['Primary audience', formatList(audience?.primary ?? [])],
    ['Secondary audience', formatList(audience?.secondary ?? [])],
  ])
}

function termSentences(ctx: SectionContext): string[] {
  const term = ctx.spec.term
  if (!term) return []
  const sentences = [
    term.effectiveTo
      ? `This agreement is in force from ${formatDate(term.effectiveFrom)} to ${formatDate(term.effectiveTo)}.`
      : `This agreement is in force from ${formatDate(term.effectiveFrom)} until it is replaced or ended.`,
  ]
  const renewal = term.renewal
  if (renewal?.type === 'never') sentences.push('It is not renewed.')
  if (renewal?.type === 'tacit' || renewal?.type === 'express') {
    const how = renewal.type === 'tacit' ? 'renews automatically' : 'is renewed only by express agreement'
    const length = renewal.renewalTerm ? ` for ${formatPeriod(renewal.renewalTerm)} at a time` : ''
    const notice = renewal.notice ? `, with ${formatPeriod(renewal.notice)} of notice` : ''
    sentences.push(`It ${how}${length}${notice}.`)
  }
  const review = term.review
  if (review) {
    const owner = review.owner ? `, led by ${escapeMarkdown(contactName(ctx, review.owner))}` : ''
    sentences.push(`It is reviewed every ${formatPeriod(review.every)}${owner}.`)
    if (review.triggers?.length) {
      sentences.push(`It is also reviewed after: ${formatList(review.triggers.map(words))}.`)
    }
    if (review.last) sentences.push(`Last review: ${formatDate(review.last)}.`)
    if (review.next) sentences.push(`Next review: ${formatDate(review.next)}.`)
  }
  return sentences
}

function term(ctx: SectionContext): Block[] {
  const sentences = termSentences(ctx)
  const conditions = ctx.spec.term?.review?.conditions
  return [
    ...(sentences.length > 0 ? [paragraph(sentences.join(' '))] : []),
    ...(conditions ? [paragraph(conditions)] : []),
  ]
}

function services(ctx: SectionContext): Block[] {
  return table(
    ['Service', 'Description', 'Address', 'Components', 'Public status'],
    (ctx.spec.services ?? []).map((s) => [
      s.name,
      plainText(s.description),
      s.url ?? '',
      (s.components ?? []).join(', '),
      s.public === undefined ? '' : s.public ? 'shown' : 'not shown',
    ]),
  )
}

export const GENERAL_SECTIONS = {
  parties,
  purpose: prose((spec) => spec.purpose),
  scope,
  audience,
  objectives: statements((spec) => spec.objectives),
  assumptions: statements((spec) => spec.assumptions),
  constraints: statements((spec) => spec.constraints),
  strategy: prose((spec) => spec.strategy),
  supportProcess: prose((spec) => spec.supportProcess),
  otherResources: prose((spec) => spec.otherResources),
  term,
  services,
} satisfies Record<string, SectionRenderer>
