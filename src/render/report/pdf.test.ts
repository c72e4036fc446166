import assert from 'node:assert/strict'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import type { Report } from '../../domain/reports/report-schema.ts'
import { poppler } from '../test-support/poppler.ts'
import { renderReportPdf } from './pdf.ts'
import { octoberReport } from './test-support/report-fixture.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-report-pdf-'))
const { report, agreement, intervals } = octoberReport()
const CREATED = new Date('2026-11-05T09:00:00Z')

/** Page `n` drawn at `dpi` as RGB pixels (pdftoppm's PPM: a short header, then the bytes). */
function pagePixels(path: string, n: number, dpi: number): Buffer {
  const out = join(dir, `page-${n}`)
  poppler('pdftoppm', ['-r', String(dpi), '-f', String(n), '-l', String(n), '-singlefile', path, out])
  const ppm = readFileSync(`${out}.ppm`)
  const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.toString('latin1', 0, 32))
  assert.ok(header, 'pdftoppm writes binary PPM')
  return ppm.subarray(header[0].length)
}

function countColour(pixels: Buffer, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
  let n = 0
  for (let i = 0; i + 2 < pixels.length; i += 3)
    if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) n++
  return n
}

describe('renderReportPdf', () => {
  let path = ''
  let pages: string[] = []

  before(async () => {
    path = join(dir, 'report.pdf')
    writeFileSync(path, await renderReportPdf(report, agreement, { intervals, createdAt: CREATED }))
    pages = poppler('pdftotext', ['-layout', path, '-']).split('\f')
  })

  test('the first page is the summary, and only the summary', () => {
    const first = pages[0]!
    assert.match(first, /Service level report, October 2026/)
    assert.match(first, /Helpdesk SLA \(acme-helpdesk\) · Acme \(acme\)/)
    assert.match(first, /Period\s+October 2026: 1 October 2026 to 31 October 2026 \(UTC\)/)
    assert.match(first, /Versions\s+acme-helpdesk@1, all period/)
    assert.match(first, /P1\s+50\.00% of 95%\s+MISSED\s+66\.66% of 90%\s+MISSED/)
    assert.match(first, /P3\s+100\.00% of 90%\s+MET\s+–/)
    assert.match(first, /portal-uptime\s+99\.9320%\s+99\.9%\s+MET/)
    assert.match(first, /Credits owed\s+GBP 1,200\.00\s+OWED/)
    assert.match(first, /Claim by\s+30 November 2026/)
    assert.match(first, /3\s+MET\s+2\s+MISSED\s+0\s+0\s+1/)
    assert.match(first, /Page 1 of \d/)
    assert.doesNotMatch(first, /Compliance by severity and metric|Due \(UTC\)|Agreement versions/)
  })

  test('the detail follows: charts with their text, then every table', () => {
    const rest = pages.slice(1).join('\f')
    assert.match(pages[1]!, /^\s*Compliance by severity and metric/)
    assert.match(rest, /P1 first response\s+missed\s+50\.00% · goal 95%/)
    assert.match(rest, /P1\s+First response\s+30m\s+always\s+4\s+2\s+2\s+50\.00%\s+95%\s+MISSED/)
    assert.match(rest, /P1\s+Resolution\s+4h\s+3\s+3h 20m\s+3h\s+5h/)
    assert.match(rest, /T-12\s+P2\s+First response\s+1\s+2026-10-20 10:00\s+11d 14h\s+OPEN/)
    assert.match(
      rest,
      /portal-uptime\s+portal\s+99\.9320%\s+99\.9%\s+MET\s+30d 16h\s+30m\s+1\s+44m 9s\s+14m 9s/,
    )
    assert.match(rest, /2026-10-10 12:00 for 30m/)
    assert.match(rest, /67% used/)
    assert.match(rest, /Service reviews\s+other\s+–\s+–\s+NOT MEASURED/)
    assert.match(
      rest,
      /target\s+P1\/resolution\s+5%\s+GBP 600\.00\s+2 of 3 met \(66\.6666%\), goal 90% missed: 5%/,
    )
    assert.match(rest, /acme-helpdesk@1\s+1 January 2026\s+1 October 2026 to 31 October 2026\s+16/)
  })

  test('verdicts are coloured as they read: red for missed, green for met', () => {
    const first = pagePixels(path, 1, 50)
    assert.ok(countColour(first, '#c62828') > 100, 'red badges on the summary')
    assert.ok(countColour(first, '#1a7f37') > 50, 'green badges on the summary')
    const charts = pagePixels(path, 2, 50)
    // The bars of the compliance chart: four missed goals and one met.
    assert.ok(countColour(charts, '#c62828') > countColour(charts, '#1a7f37') * 2)
    // Pictures for a person to look at, when asked for (UPHELD_REPORT_PNG_DIR).
    const target = process.env.UPHELD_REPORT_PNG_DIR
    if (target) {
      const availability = pages.findIndex((p) => p.includes('Availability timeline')) + 1
      for (const [page, name] of [
        [1, 'report-page1'],
        [2, 'report-charts'],
        [availability, 'report-availability'],
      ] as const) {
        poppler('pdftoppm', [
          '-png',
          '-r',
          '110',
          '-f',
          String(page),
          '-l',
          String(page),
          '-singlefile',
          path,
          join(dir, name),
        ])
        copyFileSync(join(dir, `${name}.png`), join(target, `${name}.png`))
      }
    }
  })

  test('embeds the report as report.json, exactly', () => {
    assert.match(poppler('pdfdetach', ['-list', path]), /^1: report\.json$/m)
    const saved = join(dir, 'report.json')
    poppler('pdfdetach', ['-save', '1', '-o', saved, path])
    assert.deepEqual(JSON.parse(readFileSync(saved, 'utf8')), report)
  })

  test('a large report keeps its summary to the first page and lists the latest breaches', async () => {
    const row = report.availability[0]!
    const big: Report = {
      ...report,
      availability: Array.from({ length: 50 }, (_, i) => ({
        ...row,
        id: `svc-${i}-uptime`,
        met: i % 4 !== 0,
      })),
      breaches: Array.from({ length: 500 }, (_, i) => ({
        ...report.breaches[0]!,
        ticket: `B-${i}`,
        late_ms: i * 60_000,
      })),
    }
    const bigPath = join(dir, 'big.pdf')
    writeFileSync(bigPath, await renderReportPdf(big))
    const [first = '', second = '', ...rest] = poppler('pdftotext', ['-layout', bigPath, '-']).split('\f')
    assert.match(first, /44 more objectives in the detail; 13 of 50 missed their target\./)
    assert.match(first, /Verification checklist/)
    assert.match(second, /^\s*Compliance by severity and metric/)
    const detail = [second, ...rest].join('\f')
    assert.match(
      detail,
      /The 100 latest of 500 breaches; all of them are in the report's JSON and in its breaches CSV\./,
    )
    assert.match(detail, /\bB-499\s+P2\s+Resolution\s+1\s+2026-10-01 04:00\s+8h 19m/)
    assert.match(detail, /\bB-400\b/)
    assert.doesNotMatch(detail, /\bB-399\b/)
  })

  test('the same report gives the same bytes', async () => {
    const again = await renderReportPdf(report, agreement, { intervals, createdAt: CREATED })
    assert.ok(again.equals(readFileSync(path)))
  })
})
