// Compliance reports: a period's report (frozen once the period has closed) as JSON or one CSV
// table, and the audited recomputation of a frozen one. A customer reads its own agreements'
// reports; only provider staff recompute.
import { z } from 'zod'
import type { Actor, Deps } from '../../actions/deps.ts'
import { getReport, recomputeReport } from '../../actions/frozen-reports.ts'
import { loadReportSources } from '../../actions/load-report-sources.ts'
import { AppError } from '../../domain/app-error.ts'
import { type PeriodLabel, parsePeriodLabel } from '../../domain/availability/reporting-period.ts'
import { REPORT_TABLES, toCsv } from '../../domain/reports/report-csv.ts'
import { type Report, ReportSchema } from '../../domain/reports/report-schema.ts'
import { renderReportHtml, renderReportPdf } from '../../render/report/index.ts'
import { type ApiContext, type Route, route } from '../route.ts'
import { named } from '../schemas/common.ts'

const TAG = 'Reports'

const ReportParams = z.object({
  id: z.string().min(1).max(200).describe('the agreement'),
  period: z.string().describe('2026-10 (a month) or 2026-Q4 (a quarter)'),
})
const ReportQuery = z.object({
  format: z.enum(['json', 'csv', 'pdf', 'html']).default('json'),
  table: z.enum(REPORT_TABLES).optional().describe('with format=csv: which table'),
})
const FrozenSchema = named(
  'FrozenReport',
  z.object({
    revision: z.number().int(),
    frozen_at: z.string(),
    frozen_by: z.string().describe('system for the first freeze; the user who recomputed otherwise'),
    reason: z.string().nullable(),
    report_hash: z.string().describe('SHA-256 of the report’s canonical JSON'),
    late_events: z.number().int().describe('events about the period that arrived after it was frozen'),
  }),
)
const NamedReport = named('Report', ReportSchema, 'A compliance report: docs/reports.md')
const ReportViewSchema = named(
  'ReportView',
  z.object({
    report: NamedReport,
    frozen: FrozenSchema.nullable().describe('null while the period runs: the report as it stands'),
  }),
)
const RecomputeBody = z.object({ reason: z.string().min(1).max(2000) })
const RecomputationSchema = named(
  'ReportRecomputation',
  z.object({
    before: FrozenSchema.nullable(),
    after: FrozenSchema,
    changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
    report: NamedReport,
  }),
)

function periodOf(text: string): PeriodLabel {
  const label = parsePeriodLabel(text)
  if (label) return label
  throw new AppError('invalid_input', `"${text}" is not a period`, [
    {
      path: ['period'],
      message: `"${text}" is not a period`,
      hint: 'write 2026-10 (a month) or 2026-Q4 (a quarter)',
    },
  ])
}

/** The report as a document, drawn with the agreement and the outages it was made from. */
async function documentOf(c: ApiContext, deps: Deps, actor: Actor, report: Report, format: 'pdf' | 'html') {
  const sources = await loadReportSources(deps, actor, report, Date.parse(report.as_of))
  const headers = {
    'Content-Disposition': `inline; filename="${report.agreement}-${report.period.label}.${format}"`,
  }
  if (format === 'html') {
    const html = renderReportHtml(report, sources.agreement, { intervals: sources.intervals })
    return c.body(html, 200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' })
  }
  const pdf = await renderReportPdf(report, sources.agreement, { intervals: sources.intervals })
  return c.body(new Uint8Array(pdf), 200, { ...headers, 'Content-Type': 'application/pdf' })
}

export function reportRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/agreements/:id/reports/:period',
      operationId: 'getReport',
      tag: TAG,
      summary: 'A period’s compliance report: frozen once the period has closed',
      description:
        'The first time a closed period’s report is made it is stored, and from then on that is the report: ' +
        'events arriving later are counted in `frozen.late_events`, never folded in silently. ' +
        'format=csv&table=targets gives one table as CSV; format=pdf and format=html the document ' +
        '(a one-page summary, then the detail, with charts).',
      params: ReportParams,
      query: ReportQuery,
      responses: {
        200: {
          description: 'the report (JSON; or CSV, PDF or HTML as format says)',
          schema: ReportViewSchema,
        },
        404: { description: 'no such agreement (or not yours)' },
      },
      handle: async (c, { params, query }) => {
        const actor = c.get('actor')
        const view = await getReport(deps, actor, { agreementId: params.id, period: periodOf(params.period) })
        if (query.format === 'json') return c.json(view)
        if (query.format === 'pdf' || query.format === 'html')
          return documentOf(c, deps, actor, view.report, query.format)
        if (!query.table)
          throw new AppError('invalid_input', 'format=csv gives one table: add table=', [
            {
              path: ['table'],
              message: 'is required with format=csv',
              hint: `one of ${REPORT_TABLES.join(', ')}`,
            },
          ])
        return c.body(toCsv(view.report)[query.table], 200, { 'Content-Type': 'text/csv; charset=utf-8' })
      },
    }),
    route({
      method: 'post',
      path: '/api/agreements/:id/reports/:period/recompute',
      operationId: 'recomputeReport',
      tag: TAG,
      summary: 'Make a frozen report again from today’s data, with a reason (provider staff)',
      description:
        'Stores a new revision of the closed period’s report with who asked, why and which figures changed; ' +
        'earlier revisions stay.',
      params: ReportParams,
      body: { json: RecomputeBody },
      responses: {
        201: { description: 'the new revision and what changed', schema: RecomputationSchema },
        403: { description: 'customers do not recompute' },
        409: { description: 'the period has not closed, or someone recomputed it a moment ago' },
      },
      handle: async (c, { params, body }) =>
        c.json(
          await recomputeReport(deps, c.get('actor'), {
            agreementId: params.id,
            period: periodOf(params.period),
            reason: body.reason,
          }),
          201,
        ),
    }),
  ]
}
