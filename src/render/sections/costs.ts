// Money: support budgets and the costs of the service.
import { type Block, keyValue, paragraph, table } from '../blocks.ts'
import { formatAmount, formatDate, formatMoney, plainText, words } from '../format.ts'
import { contactName, type SectionContext, type SectionRenderer } from './context.ts'

function budget(ctx: SectionContext): Block[] {
  const lines = ctx.spec.budget ?? []
  if (lines.length === 0) return []
  return [
    ...table(
      ['Budget line', 'Category', 'Amount', 'Period', 'Owner', 'Note'],
      lines.map((b) => [
        b.id,
        words(b.category),
        // A no-break space keeps the currency with its amount in a narrow column.
        `${b.currency}\u00a0${formatAmount(b.amount)}`,
        `${formatDate(b.period.from)} to ${formatDate(b.period.to)}`,
        contactName(ctx, b.owner),
        plainText(b.note),
      ]),
    ),
    paragraph(`Total: ${totals(lines).join('; ')}.`),
  ]
}

/** Totals per currency, summed in ten-thousandths so that no float error creeps in. */
function totals(lines: { amount: number; currency: string }[]): string[] {
  const sums = new Map<string, bigint>()
  for (const { amount, currency } of lines) {
    sums.set(currency, (sums.get(currency) ?? 0n) + BigInt(Math.round(amount * 10_000)))
  }
  return [...sums].map(([currency, units]) => {
    const whole = units / 10_000n
    const fraction = (units % 10_000n)
      .toString()
      .padStart(4, '0')
      .replace(/0{1,2}$/, '')
    return formatMoney({ amount: `${whole}.${fraction}`, currency })
  })
}

function costs(ctx: SectionContext): Block[] {
  const c = ctx.spec.costs
  if (!c) return []
  const per = c.per === 'one-off' ? ' (one-off)' : c.per ? ` per ${c.per}` : ''
  return [
    ...keyValue([['Fee', c.fee ? `${formatMoney(c.fee)}${per}` : undefined]]),
    ...(c.pricing ? [paragraph(c.pricing)] : []),
  ]
}

export const COST_SECTIONS = { budget, costs } satisfies Record<string, SectionRenderer>
