// `upheld report --format pdf|html`: the document from files and from the database (embedded,
// or the PostgreSQL server the tests are given) is the same for the same events, and draws the
// outages and maintenance the report itself does not list.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { SYSTEM_ACTOR } from '../actions/deps.ts'
import { ingestEvents } from '../actions/ingest-events.ts'
import { ingestStatusEvents } from '../actions/ingest-status-events.ts'
import { seedPeople } from '../actions/test-support/fixtures.ts'
import { uploadAgreement } from '../actions/upload-agreement.ts'
import { openDatabase } from '../database.ts'
import { OCTOBER_STATUS, OCTOBER_TICKETS } from '../domain/reports/test-support/report-fixture.ts'
import { renderAgreement } from '../render/report/test-support/report-fixture.ts'
import { poppler } from '../render/test-support/poppler.ts'
import { createTestDb, TEST_DATABASE_URL, type TestDb } from '../storage/test-support/test-db.ts'
import { runCli } from './test-support/run-cli.ts'

const AT = '2026-11-05T00:00:00Z'
const dir = mkdtempSync(join(tmpdir(), 'upheld-report-doc-'))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const jsonl = (items: readonly object[]) => `${items.map((i) => JSON.stringify(i)).join('\n')}\n`
const agreement = renderAgreement()
const fromFiles = [
  '--agreement',
  write('acme.json', JSON.stringify(agreement)),
  '--events',
  write('tickets.jsonl', jsonl(OCTOBER_TICKETS.flat())),
  '--status',
  write('status.jsonl', jsonl(OCTOBER_STATUS)),
  '--period',
  '2026-10',
]
const report = (...args: string[]) => runCli(['report', '--at', AT, ...args])

after(() => rmSync(dir, { recursive: true, force: true }))

describe('upheld report --format pdf|html from files', () => {
  test('HTML: the summary, the detail and the outage drawn where it was', () => {
    const out = join(dir, 'files.html')
    const r = report(...fromFiles, '--format', 'html', '-o', out)
    assert.equal(r.code, 0, r.stderr)
    const html = readFileSync(out, 'utf8')
    assert.match(html, /<h1>Service level report, October 2026<\/h1>/)
    assert.match(html, /Helpdesk SLA \(acme-helpdesk\)/)
    assert.match(html, /GBP 1,200\.00/)
    assert.match(html, /2026-10-10 12:00 for 30m/)
    assert.match(html, /4 maintenance windows left out, 1 counted as ordinary time/)
  })

  test('PDF: the summary first, the detail after', () => {
    const out = join(dir, 'files.pdf')
    const r = report(...fromFiles, '--format', 'pdf', '-o', out)
    assert.equal(r.code, 0, r.stderr)
    const [first = '', ...rest] = poppler('pdftotext', ['-layout', out, '-']).split('\f')
    assert.match(first, /Service level report, October 2026[\s\S]*Compliance against the goals/)
    assert.match(rest.join('\f'), /T-12\s+P2\s+First response/)
  })

  test('a PDF needs a file; --table is for CSV', () => {
    const pdf = report(...fromFiles, '--format', 'pdf')
    assert.equal(pdf.code, 2)
    assert.match(pdf.stderr, /--format pdf writes a file: give -o FILE/)
    const table = report(...fromFiles, '--format', 'html', '--table', 'targets')
    assert.equal(table.code, 2)
    assert.match(table.stderr, /--table picks a CSV table: add --format csv/)
  })
})

describe('upheld report --format pdf|html from the database', () => {
  let server: TestDb | undefined
  const env = () => ({
    UPHELD_DATA_DIR: join(dir, 'data'),
    ...(server?.url ? { DATABASE_URL: server.url } : {}),
  })

  before(async () => {
    if (TEST_DATABASE_URL) server = await createTestDb()
    const database = server ?? (await openDatabase({ dataDir: join(dir, 'data'), databaseUrl: undefined }))
    const deps = { db: database.db, now: () => Date.parse('2026-12-01T00:00:00Z') }
    try {
      await seedPeople(deps.db)
      await uploadAgreement(deps, SYSTEM_ACTOR, { text: JSON.stringify(agreement) })
      await ingestEvents(deps, SYSTEM_ACTOR, OCTOBER_TICKETS.flat())
      await ingestStatusEvents(deps, SYSTEM_ACTOR, {
        format: 'generic',
        body: OCTOBER_STATUS,
        customer: 'acme',
      })
    } finally {
      // The embedded database admits one process at a time: the command's.
      if (!server) await (database as Awaited<ReturnType<typeof openDatabase>>).close()
    }
  })
  after(() => server?.drop())

  test('gives the document the files give, outages and maintenance included', () => {
    const out = join(dir, 'db.html')
    const args = ['report', '--at', AT, '--agreement', 'acme-helpdesk', '--period', '2026-10']
    const r = runCli([...args, '--format', 'html', '-o', out], { env: env() })
    assert.equal(r.code, 0, r.stderr)
    const files = join(dir, 'files-again.html')
    assert.equal(report(...fromFiles, '--format', 'html', '-o', files).code, 0)
    assert.equal(readFileSync(out, 'utf8'), readFileSync(files, 'utf8'))
    const pdf = join(dir, 'db.pdf')
    const p = runCli([...args, '--format', 'pdf', '-o', pdf], { env: env() })
    assert.equal(p.code, 0, p.stderr)
    assert.match(poppler('pdftotext', ['-f', '1', '-l', '1', pdf, '-']), /Compliance against the goals/)
  })
})
