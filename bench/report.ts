// Report: a monthly compliance report over 100,000 tickets and 50 services, on the embedded
// PGlite and on the PostgreSQL server at BENCH_PG_URL (skipped with a note when it does not
// answer). The data is made in SQL (bench/lib/report-seed.ts); then buildReport runs several
// times (the first run apart: it compiles the agreement), then the PDF and the HTML are drawn
// from its report, with the outages and maintenance a document reads besides.
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- report

import { writeFileSync } from 'node:fs'
import { buildReport } from '../src/actions/build-report.ts'
import { loadReportSources } from '../src/actions/load-report-sources.ts'
import { ADMIN, seedPeople } from '../src/actions/test-support/fixtures.ts'
import { uploadAgreement } from '../src/actions/upload-agreement.ts'
import { parsePeriodLabel } from '../src/domain/availability/reporting-period.ts'
import type { Report } from '../src/domain/reports/report-schema.ts'
import { renderReportHtml, renderReportPdf } from '../src/render/report/index.ts'
import { type Db, openDb } from '../src/storage/db.ts'
import { migrate } from '../src/storage/migrate.ts'
import { createPgDatabase } from './lib/pg-database.ts'
import { benchAgreement, seedSql } from './lib/report-seed.ts'
import { formatCount, formatTable } from './lib/table.ts'

const TICKETS = Number(process.env.BENCH_REPORT_TICKETS ?? 100_000)
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5)
const PDF_RUNS = 3
const AT = Date.parse('2026-11-05T00:00:00Z')
const PERIOD = parsePeriodLabel('2026-10')!

type Measured = {
  seedS: number
  first: number
  runs: number[]
  sources: number
  pdf: number[]
  html: number
  pages: number
  report: Report
}

export async function run(): Promise<void> {
  const rows: string[][] = []
  const lite = await openDb({})
  try {
    rows.push(row('PGlite (embedded)', await measure(lite)))
  } finally {
    await lite.close()
  }
  const database = await createPgDatabase('upheld_bench_report')
  if (database) {
    const db = await openDb({ databaseUrl: database.url })
    try {
      rows.push(row('PostgreSQL', await measure(db)))
    } finally {
      await db.close()
      await database.drop()
    }
  } else rows.push(['PostgreSQL', 'not reachable at BENCH_PG_URL', '', '', '', '', '', ''])
  console.log(
    formatTable(
      ['database', 'seed', 'report, 1st', 'report min', 'median', 'sources', 'PDF min', 'HTML', 'pages'],
      rows,
      1,
    ),
  )
}

async function measure(db: Db): Promise<Measured> {
  await migrate(db)
  const deps = { db, now: () => AT }
  await seedPeople(db)
  await uploadAgreement(deps, ADMIN, {
    text: JSON.stringify(benchAgreement()),
    effectiveFrom: '2026-01-01T00:00:00Z',
  })
  const seedStart = performance.now()
  await db.exec(seedSql(TICKETS))
  const seedS = (performance.now() - seedStart) / 1000
  const query = { agreementId: 'acme-helpdesk', period: PERIOD, at: AT }
  const first = await timed(() => buildReport(deps, ADMIN, query))
  const runs: number[] = []
  for (let i = 0; i < RUNS; i++) runs.push((await timed(() => buildReport(deps, ADMIN, query))).ms)
  const report = first.value
  describe(report)
  const sources = await timed(() => loadReportSources(deps, ADMIN, report, AT))
  const { agreement, intervals } = sources.value
  const pdf: number[] = []
  let bytes: Buffer = Buffer.alloc(0)
  for (let i = 0; i < PDF_RUNS; i++) {
    const drawn = await timed(() => renderReportPdf(report, agreement, { intervals }))
    pdf.push(drawn.ms)
    bytes = drawn.value
  }
  const html = await timed(async () => renderReportHtml(report, agreement, { intervals }))
  // BENCH_REPORT_PDF=FILE keeps the document, to look at.
  if (process.env.BENCH_REPORT_PDF) writeFileSync(process.env.BENCH_REPORT_PDF, bytes)
  const pages = bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0
  return { seedS, first: first.ms, runs, sources: sources.ms, pdf, html: html.ms, pages, report }
}

/** What was counted, so the figures can be checked against what the data should give. */
function describe(report: Report): void {
  const clocks = report.targets.reduce((n, t) => n + t.total, 0)
  const breached = report.targets.reduce((n, t) => n + t.breached, 0)
  const missed = report.availability.filter((a) => a.met === false).length
  console.log(
    `  ${formatCount(clocks)} clocks counted, ${formatCount(breached)} breached, ` +
      `${formatCount(report.incidents.reduce((n, i) => n + i.count, 0))} incidents, ` +
      `${report.availability.length} objectives (${missed} missed), credits ${report.credits?.currency} ${report.credits?.total}`,
  )
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now()
  const value = await f()
  return { value, ms: performance.now() - start }
}

function row(label: string, m: Measured): string[] {
  const sorted = [...m.runs].sort((a, b) => a - b)
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  return [
    label,
    `${m.seedS.toFixed(1)} s`,
    s(m.first),
    s(sorted[0]!),
    s(sorted[Math.floor(sorted.length / 2)]!),
    s(m.sources),
    s(Math.min(...m.pdf)),
    s(m.html),
    String(m.pages),
  ]
}
