import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { defaultOutline } from './default-outline.ts'
import { buildDocument } from './document.ts'
import { renderMarkdown } from './markdown.ts'
import { HELPDESK_FILE, readExample, withSpec } from './test-support/agreements.ts'

const HASH = 'cd'.repeat(32)
const helpdesk = readExample(HELPDESK_FILE)
const markdown = (agreement = helpdesk) =>
  renderMarkdown(buildDocument(agreement, defaultOutline(agreement.kind), { contentHash: HASH }))

/** The text from a heading line up to (not including) the next line that starts with `until`. */
function part(text: string, from: string, until = '#'): string {
  const start = text.indexOf(`${from}\n`)
  assert.ok(start >= 0, `no "${from}"`)
  const end = text.indexOf(`\n${until}`, start + from.length)
  return text.slice(start, end < 0 ? undefined : end).trim()
}

describe('renderMarkdown', () => {
  const text = markdown()

  test('title block', () => {
    assert.equal(
      part(text, '# Helpdesk Service Level Agreement', '## '),
      [
        '# Helpdesk Service Level Agreement',
        '',
        '_Service Level Agreement · SLA-2026-001_',
        '',
        '- **Provider:** Example IT Services Ltd',
        '- **Customer:** Acme Corporation',
        '- **Term:** 1 January 2026 to 31 December 2026',
        `- **Content hash (SHA-256):** \`${HASH}\``,
      ].join('\n'),
    )
  })

  test('the target table', () => {
    assert.equal(
      part(text, '### 2.4 Response and resolution targets', 'Target times'),
      [
        '### 2.4 Response and resolution targets',
        '',
        '| Severity | Metric | Target | Hours | Goal |',
        '| --- | --- | --- | --- | --- |',
        '| P1 Critical | First response | within 30 minutes | always (24×7) | 95% |',
        '| P1 Critical | Periodic update | every 1 hour | always (24×7) |  |',
        '| P1 Critical | Resolution | within 4 hours | always (24×7) | 90% |',
        '| P2 High | First response | within 2 hours | business | 95% |',
        '| P2 High | Resolution | within 16 hours | business | 90% |',
        '| P3 Medium | First response | within 4 hours | business | 90% |',
        '| P3 Medium | Resolution | within 40 hours | business | 85% |',
        '| P4 Low | First response | within 8 hours | business | 90% |',
      ].join('\n'),
    )
  })

  test('service credits, with labelled tiers', () => {
    assert.equal(
      part(text, '### 2.9 Service credits', '**Response'),
      [
        '### 2.9 Service credits',
        '',
        'Credits are a share of the monthly fee of GBP 12,000.00. The credits for one month are capped at 25% ' +
          'of the fee. A credit must be claimed within 30 days.',
        '',
        '**Availability credits**',
        '',
        '| Objective | Measured availability | Credit |',
        '| --- | --- | --- |',
        '| portal-uptime | < 99.9% | 5% of the monthly fee |',
        '| portal-uptime | < 99.0% | 10% of the monthly fee |',
        '| portal-uptime | < 95.0% | 25% of the monthly fee |',
      ].join('\n'),
    )
  })

  test('empty sections and escalation', () => {
    assert.equal(
      part(text, '### 7.6 Licences'),
      '### 7.6 Licences\n\n_No licences are recorded in this agreement._',
    )
    assert.match(text, /^\| 3 \| P1 \| 200% of the resolution target \| Dana Okafor \|$/m)
  })

  test('table cells cannot break the table or open HTML', () => {
    const tricky = withSpec(helpdesk, {
      severities: [{ id: 'P1', rank: 1, name: 'A | B <b>', definition: 'Down *now*.' }],
      targets: [],
      escalation: [],
      credits: undefined,
    })
    assert.match(markdown(tricky), /^\| P1 \| A \\\| B \\<b> \| Down now\. \|$/m)
  })
})
