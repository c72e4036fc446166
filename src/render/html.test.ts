import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { defaultOutline } from './default-outline.ts'
import { buildDocument } from './document.ts'
import { renderHtml } from './html.ts'
import { CRVS_FILE, HELPDESK_FILE, readExample, withSpec } from './test-support/agreements.ts'

const HASH = 'ef'.repeat(32)
const html = (agreement = readExample(HELPDESK_FILE)) =>
  renderHtml(buildDocument(agreement, defaultOutline(agreement.kind), { contentHash: HASH }))

describe('renderHtml', () => {
  const page = html()

  test('is one standalone document: inline CSS, no script, nothing loaded from outside', () => {
    assert.match(page, /^<!doctype html>\n<html lang="en">/)
    assert.match(page, /<style>[\s\S]*@page \{ size: A4;/)
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/)
    assert.doesNotMatch(page, /<script|<link |src="http/i)
  })

  test('title page', () => {
    assert.ok(
      page.includes(
        [
          '<header class="title-page">',
          '<h1>Helpdesk Service Level Agreement</h1>',
          '<p class="kind">Service Level Agreement · SLA-2026-001</p>',
          '<dl><dt>Provider</dt><dd>Example IT Services Ltd</dd><dt>Customer</dt><dd>Acme Corporation</dd>' +
            '<dt>Term</dt><dd>1 January 2026 to 31 December 2026</dd>' +
            `<dt>Content hash (SHA-256)</dt><dd><span class="hash">${HASH}</span></dd></dl>`,
          '</header>',
        ].join('\n'),
      ),
    )
  })

  test('contents link to every heading', () => {
    assert.ok(
      page.includes(
        '<li class="toc-2"><a href="#2-3-severity-levels"><span class="number">2.3</span>Severity levels</a></li>',
      ),
    )
    assert.ok(
      page.includes('<h3 id="2-3-severity-levels"><span class="number">2.3</span>Severity levels</h3>'),
    )
  })

  test('escalation table', () => {
    assert.ok(
      page.includes(
        [
          '<table>',
          '<thead><tr><th scope="col">Level</th><th scope="col">Severities</th><th scope="col">When</th><th scope="col">Notify</th></tr></thead>',
          '<tbody>',
          '<tr><td>1</td><td>P1, P2</td><td>75% of the resolution target</td><td>Mei Tanaka</td></tr>',
          '<tr><td>2</td><td>P1, P2</td><td>100% of the resolution target (breach)</td><td>Luis Ferreira</td></tr>',
          '<tr><td>3</td><td>P1</td><td>200% of the resolution target</td><td>Dana Okafor</td></tr>',
          '</tbody>',
          '</table>',
        ].join('\n'),
      ),
    )
  })

  test('Markdown paragraphs and lists become HTML; empty sections say so', () => {
    const crvs = html(readExample(CRVS_FILE))
    assert.ok(crvs.includes('<li>The CRVS system is monitored around the clock.</li>'))
    assert.ok(crvs.includes('<p class="note">No service credits are recorded in this agreement.</p>'))
  })

  test('agreement text cannot inject markup or scripts', () => {
    const hostile = withSpec(readExample(HELPDESK_FILE), {
      purpose:
        'Hello <script>alert(1)</script> and <img src=x onerror=alert(2)>\n\n<script>alert(3)</script>',
      strategy: '[click](javascript:alert(4)) and [ok](https://example.com/?a=1&b=2)',
      contacts: [
        { id: 'c-provider-head', name: '<script>alert(5)</script>', role: 'director' },
        { id: 'c-customer-head', name: 'Ruth "Q" Mensah', role: 'customer-representative' },
        { id: 'c-service-owner', name: 'Luis', role: 'service-owner' },
        { id: 'c-support-lead', name: 'Mei', role: 'support-lead' },
        { id: 'c-service-desk', name: 'Desk', role: 'service-desk' },
        { id: 'c-customer-it', name: 'IT', role: 'it-department' },
      ],
    })
    const out = html(hostile)
    assert.doesNotMatch(out, /<script|<img|javascript:/i)
    assert.ok(out.includes('&lt;img src=x onerror=alert(2)&gt;'))
    assert.ok(out.includes('<p>click and <a href'))
    assert.ok(out.includes('Hello &lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(out.includes('<td>&lt;script&gt;alert(5)&lt;/script&gt;</td>'))
    assert.ok(out.includes('<p>&lt;script&gt;alert(3)&lt;/script&gt;</p>'))
    assert.ok(out.includes('<a href="https://example.com/?a=1&amp;b=2">ok</a>'))
    assert.ok(out.includes('<td>Ruth &quot;Q&quot; Mensah</td>'))
  })
})
