// Service credits: the basis, the tiers (each bound says < or ≤, as the schema does), the
// per-target credits, cap, claims and exclusions.
import { type Block, bullets, label, paragraph, table } from '../blocks.ts'
import { escapeMarkdown, formatMoney, formatPeriod, words } from '../format.ts'
import { metricLabel, type SectionContext, type SectionRenderer, severityLabel } from './context.ts'

type Bounds = { below?: string; atOrBelow?: string; above?: string; atOrAbove?: string }

/** "≥ 99.0% and < 99.9%": the lower bound, when there is one, then the upper. */
function tierRange(t: Bounds): string {
  const upper = t.below !== undefined ? `< ${t.below}` : `≤ ${t.atOrBelow}`
  const lower = t.above !== undefined ? `> ${t.above}` : t.atOrAbove !== undefined ? `≥ ${t.atOrAbove}` : null
  return lower ? `${lower} and ${upper}` : upper
}

function formulaBound(f: { below?: string; atOrBelow?: string }): string {
  if (f.below !== undefined) return `, when the measured availability is below ${f.below}`
  if (f.atOrBelow !== undefined) return `, when the measured availability is at or below ${f.atOrBelow}`
  return ''
}

function credits(ctx: SectionContext): Block[] {
  const c = ctx.spec.credits
  if (!c) return []
  const availability = c.availability ?? []
  const targets = c.targets ?? []
  return [
    paragraph(escapeMarkdown(basisSentences(c).join(' '))),
    ...(availability.length > 0 ? [label('Availability credits')] : []),
    ...table(
      ['Objective', 'Measured availability', 'Credit'],
      availability.map((t) => [t.objective, tierRange(t), `${t.credit} of the monthly fee`]),
    ),
    ...(targets.length > 0 ? [label('Response and resolution credits')] : []),
    ...table(
      ['Severity', 'Metric', 'Applies when', 'Credit'],
      targets.map((t) => [
        severityLabel(ctx, t.severity),
        metricLabel(t.metric),
        [
          t.missedGoal ? 'the goal is missed in the period' : '',
          t.perBreach ? 'for each breached ticket' : '',
        ]
          .filter(Boolean)
          .join('; '),
        `${t.credit} of the monthly fee`,
      ]),
    ),
    ...(c.formula
      ? [
          paragraph(
            escapeMarkdown(
              `For ${c.formula.objective}, the credit is ${c.formula.multiplier} × the fee for the time the service was down${formulaBound(c.formula)}.`,
            ),
          ),
        ]
      : []),
    ...(c.claimProcess ? [label('How to claim'), paragraph(c.claimProcess)] : []),
    ...(c.exclusions?.length ? [label('Credits do not apply to'), ...bullets(c.exclusions.map(words))] : []),
  ]
}

function basisSentences(c: NonNullable<SectionContext['spec']['credits']>): string[] {
  const sentences = [`Credits are a share of the monthly fee of ${formatMoney(c.basis.monthlyFee)}.`]
  if (c.cap) sentences.push(`The credits for one month are capped at ${c.cap} of the fee.`)
  if (c.minimum) sentences.push(`No credit smaller than ${formatMoney(c.minimum)} is paid.`)
  if (c.claimWindow) sentences.push(`A credit must be claimed within ${formatPeriod(c.claimWindow)}.`)
  if (c.soleRemedy !== undefined) {
    sentences.push(
      c.soleRemedy
        ? "Credits are the customer's sole remedy for missed service levels."
        : "Credits are not the customer's only remedy for missed service levels.",
    )
  }
  return sentences
}

export const CREDIT_SECTIONS = { credits } satisfies Record<string, SectionRenderer>
