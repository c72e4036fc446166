// Releases: strategy, process, acceptance criteria, and the regression tests behind them.
import { type Block, bullets, keyValue, paragraph, table } from '../blocks.ts'
import {
  escapeMarkdown,
  formatDate,
  formatDuration,
  formatPeriod,
  plainText,
  words,
  yesNo,
} from '../format.ts'
import { contactName, type SectionContext, type SectionRenderer } from './context.ts'

function strategy(ctx: SectionContext): Block[] {
  const r = ctx.spec.release
  if (!r) return []
  const path = (r.path ?? []).map((id) => ctx.spec.environments?.find((e) => e.id === id)?.name ?? id)
  const approval = r.changeApproval
  return [
    ...(r.strategy ? [paragraph(r.strategy)] : []),
    ...keyValue([
      [
        'Release cadence',
        r.cadence === 'on-demand' ? 'on demand' : r.cadence ? `every ${formatPeriod(r.cadence)}` : '',
      ],
      ['Notice before a release', r.noticeLeadTime ? formatDuration(r.noticeLeadTime) : ''],
      [
        'Change approval',
        approval
          ? `${approval.cabRequired ? 'change advisory board required' : 'no change advisory board'}${
              approval.approver ? `; approved by ${contactName(ctx, approval.approver)}` : ''
            }`
          : '',
      ],
      ['Promotion path', path.join(' → ')],
    ]),
  ]
}

function processSteps(ctx: SectionContext): Block[] {
  const process = ctx.spec.release?.process
  if (process === undefined) return []
  return typeof process === 'string' ? [paragraph(process)] : bullets(process.map(escapeMarkdown), true)
}

function acceptanceCriteria(ctx: SectionContext): Block[] {
  return table(
    ['Criterion', 'Category', 'Method', 'Threshold', 'Owner', 'Regression suite'],
    (ctx.spec.release?.acceptanceCriteria ?? []).map((c) => [
      plainText(c.description),
      c.category ? words(c.category) : '',
      c.method,
      c.threshold ?? '',
      contactName(ctx, c.owner),
      c.suite ? (ctx.spec.regressionTests?.find((t) => t.id === c.suite)?.name ?? c.suite) : '',
    ]),
  )
}

function regressionTests(ctx: SectionContext): Block[] {
  return table(
    ['Test', 'Description', 'Automated', 'Tool', 'Runs', 'Covers', 'Owner', 'Last run', 'Link'],
    (ctx.spec.regressionTests ?? []).map((t) => [
      t.name,
      plainText(t.description),
      yesNo(t.automated),
      t.tool ?? '',
      words(t.trigger),
      (t.covers ?? []).join(', '),
      contactName(ctx, t.owner),
      t.lastRunAt ? formatDate(t.lastRunAt) : '',
      t.link ?? '',
    ]),
  )
}

export const RELEASE_SECTIONS = {
  'release.strategy': strategy,
  'release.process': processSteps,
  'release.acceptanceCriteria': acceptanceCriteria,
  regressionTests,
} satisfies Record<string, SectionRenderer>
