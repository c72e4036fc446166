// Each built-in template goes init → validate → render in all three formats, and the rendered
// Markdown carries every numbered heading of the seed it reproduces.
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parseAgreement } from '../domain/agreement/parse-agreement.ts'
import { exampleSettings, fillTemplate } from '../domain/templates/fill-template.ts'
import { TEMPLATES } from '../domain/templates/index.ts'
import { numberedHeadings, seedText } from '../test-support/seed-headings.ts'
import { renderAgreement } from './index.ts'
import { poppler } from './test-support/poppler.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-templates-'))

function headingsOf(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, '').replace(/\s+/g, ' ').trim().toLowerCase())
}

for (const template of TEMPLATES) {
  describe(`template ${template.id}`, () => {
    const filled = fillTemplate(template, exampleSettings(template))
    const parsed = filled.ok ? parseAgreement(filled.yaml, { filename: `${template.id}.yaml` }) : null

    test('fills and validates', () => {
      assert.ok(filled.ok)
      assert.ok(parsed?.ok, parsed && !parsed.ok ? JSON.stringify(parsed.issues) : 'not filled')
    })

    test('renders Markdown with every numbered heading of its seeds, in order', async () => {
      assert.ok(parsed?.ok)
      if (!parsed?.ok) return
      const markdown = (await renderAgreement(parsed.agreement, 'md')) as string
      const rendered = headingsOf(markdown)
      const seedHeadings = template.seeds.flatMap((seed) => numberedHeadings(seedText(seed)))
      let from = 0
      for (const heading of seedHeadings) {
        const wanted = `${heading.number} ${heading.title}`
        const found = rendered.findIndex((h, i) => i >= from && h === wanted)
        assert.ok(
          found >= 0,
          `"${wanted}" is missing (or out of order) in the rendered headings:\n${rendered.join('\n')}`,
        )
        from = found + 1
      }
      for (const node of template.outline.headings) {
        assert.ok(
          rendered.some((h) => h.endsWith(node.title.toLowerCase())),
          node.title,
        )
      }
    })

    test('renders HTML and a PDF that a reader can open', async () => {
      assert.ok(parsed?.ok)
      if (!parsed?.ok) return
      const html = (await renderAgreement(parsed.agreement, 'html')) as string
      assert.match(html, /^<!doctype html>/i)
      assert.ok(html.includes(escapeHtml(parsed.agreement.metadata.title)))
      const pdf = (await renderAgreement(parsed.agreement, 'pdf')) as Uint8Array
      const file = join(dir, `${template.id}.pdf`)
      writeFileSync(file, pdf)
      const info = poppler('pdfinfo', [file])
      assert.ok(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) >= 3, info)
      const text = poppler('pdftotext', ['-layout', file, '-']).replace(/\s+/g, ' ')
      assert.ok(
        text.includes(template.outline.headings[1]!.title),
        `no "${template.outline.headings[1]!.title}" in the PDF`,
      )
      assert.match(poppler('pdfdetach', ['-list', file]), /agreement\.json/)
    })
  })
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
