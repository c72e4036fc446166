import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { canonicalJson, contentHash } from '../domain/agreement/content-hash.ts'
import { findTemplate } from '../domain/templates/index.ts'
import { defaultOutline } from './default-outline.ts'
import { buildDocument } from './document.ts'
import { renderPdf } from './pdf.ts'
import { CRVS_FILE, HELPDESK_FILE, readExample } from './test-support/agreements.ts'
import { poppler } from './test-support/poppler.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-pdf-'))

async function writePdf(name: string, file: string, outline?: ReturnType<typeof defaultOutline>) {
  const agreement = readExample(file)
  const doc = buildDocument(agreement, outline ?? defaultOutline(agreement.kind), {
    contentHash: contentHash(agreement),
  })
  const bytes = await renderPdf(doc, { agreementJson: canonicalJson(agreement) })
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return { agreement, bytes, path }
}

describe('renderPdf', () => {
  let helpdesk: Awaited<ReturnType<typeof writePdf>>
  let crvs: Awaited<ReturnType<typeof writePdf>>
  let helpdeskText = ''

  before(async () => {
    helpdesk = await writePdf('helpdesk.pdf', HELPDESK_FILE)
    const template = findTemplate('support-plan')
    assert.ok(template, 'the support-plan template is built in')
    crvs = await writePdf('crvs.pdf', CRVS_FILE, template.outline)
    helpdeskText = poppler('pdftotext', ['-layout', helpdesk.path, '-'])
  })

  test('is a PDF 1.7 file', () => {
    assert.equal(Buffer.from(helpdesk.bytes.subarray(0, 8)).toString('latin1'), '%PDF-1.7')
  })

  test('has a title page, contents and page X of Y footers', () => {
    const [titlePage = '', contents = ''] = helpdeskText.split('\f')
    assert.match(titlePage, /Helpdesk Service Level Agreement/)
    assert.match(titlePage, /Service Level Agreement\s+·\s+SLA-2026-001/)
    assert.match(titlePage, /Example IT Services Ltd/)
    assert.match(titlePage, /1 January 2026 to 31 December 2026/)
    assert.match(titlePage, new RegExp(contentHash(helpdesk.agreement)))
    assert.doesNotMatch(titlePage, /Page 1 of/)
    assert.match(contents, /Contents/)
    assert.match(contents, /2\.4\s+Response and resolution targets\s+\d+/)
    assert.match(contents, /Page 2 of \d+/)
  })

  test('holds the headings and the tables', () => {
    assert.match(helpdeskText, /2\.3\s+Severity levels/)
    assert.match(helpdeskText, /P1\s+Critical\s+The service is down/)
    assert.match(helpdeskText, /P1 Critical\s+First response\s+within 30 minutes\s+always \(24×7\)\s+95%/)
    assert.match(helpdeskText, /mei\.tanaka@example-it\.example/)
    assert.match(helpdeskText, /portal-uptime\s+< 99\.9%\s+5% of the monthly fee/)
    assert.match(helpdeskText, /No licences are recorded in this agreement\./)
  })

  test("follows the template's outline and numbering", () => {
    const text = poppler('pdftotext', ['-layout', crvs.path, '-'])
    assert.match(text, /2\.2\.1\s+Software/)
    assert.match(text, /5\.2\.2\s+Disaster Recovery/)
    assert.match(text, /S1\s+System down/)
    assert.match(text, /crvs\.manager@gov\.example/)
    assert.match(text, /Recovery point objective \(RPO\)\s+15 minutes/)
  })

  test('has at least three pages', () => {
    for (const { path } of [helpdesk, crvs]) {
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [path]))?.[1])
      assert.ok(pages >= 3, `${path} has ${pages} pages`)
    }
  })

  test('embeds agreement.json: the agreement, whose SHA-256 is the content hash', () => {
    for (const { agreement, path } of [helpdesk, crvs]) {
      assert.match(poppler('pdfdetach', ['-list', path]), /^1: agreement\.json$/m)
      const saved = join(dir, `${agreement.metadata.id}.json`)
      poppler('pdfdetach', ['-save', '1', '-o', saved, path])
      const bytes = readFileSync(saved)
      assert.deepEqual(JSON.parse(bytes.toString('utf8')), JSON.parse(JSON.stringify(agreement)))
      assert.equal(createHash('sha256').update(bytes).digest('hex'), contentHash(agreement))
    }
  })
})
