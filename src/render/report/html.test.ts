import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  historyOf,
  OCTOBER_TICKETS,
  REPORT_KPIS,
  reportFromEvents,
} from '../../domain/reports/test-support/report-fixture.ts'
import { renderReportHtml } from './html.ts'
import { octoberReport, renderAgreement } from './test-support/report-fixture.ts'

const { report, agreement, intervals } = octoberReport()
const html = renderReportHtml(report, agreement, { intervals })
const section = (id: string) => {
  const start = html.indexOf(`<section id="${id}">`)
  assert.ok(start >= 0, `no section ${id}`)
  return html.slice(start, html.indexOf('</section>', start))
}

describe('renderReportHtml', () => {
  test('opens with the summary: who, when, compliance, availability, credits, checklist', () => {
    assert.match(
      html,
      /<h1>Service level report, October 2026<\/h1>\n<p>Helpdesk SLA \(acme-helpdesk\) · Acme \(acme\)<\/p>/,
    )
    const summary = html.slice(html.indexOf('<section class="summary">'), html.indexOf('<main>'))
    assert.match(summary, /<dt>Customer<\/dt><dd>Acme \(acme\)<\/dd>/)
    assert.match(summary, /1 October 2026 to 31 October 2026 \(UTC\)/)
    assert.match(summary, /acme-helpdesk@1, all period/)
    assert.match(summary, /<td>50\.00% of 95% <span class="badge bad">missed<\/span><\/td>/)
    assert.match(summary, /<td>100\.00% of 90% <span class="badge good">met<\/span><\/td>/)
    assert.match(
      summary,
      /<td>portal-uptime<\/td><td class="num">99\.9320%<\/td><td class="num">99\.9%<\/td><td><span class="badge good">met<\/span>/,
    )
    assert.match(summary, /GBP 1,200\.00 <span class="badge bad">owed<\/span>/)
    assert.match(summary, /<dt>Claim by<\/dt><dd>30 November 2026<\/dd>/)
    assert.match(
      summary,
      /<td class="num">3 <span class="badge good">met<\/span><\/td><td class="num">2 <span class="badge bad">missed<\/span><\/td>/,
    )
  })

  test('then the detail, with every table', () => {
    assert.match(
      section('compliance'),
      /<td>P2<\/td><td>Resolution<\/td><td>8h<\/td><td>always<\/td><td class="num">4<\/td><td class="num">2<\/td><td class="num">2<\/td><td class="num">50\.00%<\/td><td class="num">80%<\/td>/,
    )
    assert.match(
      section('times'),
      /<td>P1<\/td><td>Resolution<\/td><td>4h<\/td><td class="num">3<\/td><td class="num">3h 20m<\/td><td class="num">3h<\/td><td class="num">5h<\/td>/,
    )
    assert.match(
      section('breaches'),
      /<td>T-12<\/td><td>P2<\/td><td>First response<\/td><td class="num">1<\/td><td>2026-10-20 10:00<\/td><td class="num">11d 14h<\/td><td><span class="badge bad">open<\/span>/,
    )
    assert.match(section('satisfaction'), /8\.00 out of 10/)
    assert.match(
      section('incidents'),
      /<td>P1<\/td><td class="num">5<\/td><td class="num">2<\/td><td class="num">1<\/td>/,
    )
    assert.match(
      section('availability'),
      /<td>portal-uptime<\/td><td>portal<\/td><td class="num">99\.9320%<\/td>/,
    )
    assert.match(section('checklist'), /measured outside Upheld: record it by hand/)
    assert.match(
      section('credits'),
      /<td>target<\/td><td>P1\/resolution<\/td><td class="num">5%<\/td><td class="num">GBP 600\.00<\/td><td>2 of 3 met \(66\.6666%\), goal 90% missed: 5%<\/td>/,
    )
    assert.match(section('versions'), /<td>acme-helpdesk@1<\/td><td>1 January 2026<\/td>/)
  })

  test('every chart is an image with a title and a description, printed under it too', () => {
    const figures = html.match(/<figure id="[^"]+">[\s\S]*?<\/figure>/g) ?? []
    assert.deepEqual(
      figures.map((f) => /<figure id="([^"]+)">/.exec(f)![1]),
      ['chart-compliance', 'chart-times', 'chart-timeline-1', 'chart-budget-1'],
    )
    for (const figure of figures) {
      const id = /<figure id="([^"]+)">/.exec(figure)![1]
      assert.match(
        figure,
        new RegExp(`<svg role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`),
      )
      assert.match(figure, new RegExp(`<desc id="${id}-desc">[^<]{40,}</desc>`))
      assert.match(figure, /<figcaption><strong>[^<]+\.<\/strong> [^<]{40,}<\/figcaption>/)
    }
    assert.match(html, /2026-10-10 12:00 for 30m/)
  })

  test('runs nothing and fetches nothing; text from the agreement is escaped', () => {
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
    )
    const hostile = renderAgreement({
      kpis: [{ ...REPORT_KPIS[0]!, name: '<script>alert("x")</script>' }],
    })
    hostile.metadata.title = 'Acme & <b>Co</b>'
    const out = renderReportHtml(octoberReport(hostile).report, hostile)
    assert.doesNotMatch(out, /<script|<b>/)
    assert.match(out, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/)
    assert.match(out, /Acme &amp; &lt;b&gt;Co&lt;\/b&gt; \(acme-helpdesk\)/)
  })

  test('shows only the sections the agreement reports on', () => {
    const narrow = renderAgreement({ reporting: { every: 'month', include: ['resolution', 'incidents'] } })
    const out = renderReportHtml(octoberReport(narrow).report, narrow)
    for (const id of ['compliance', 'times', 'breaches', 'incidents', 'checklist', 'versions'])
      assert.match(out, new RegExp(`<section id="${id}">`))
    for (const id of ['availability', 'satisfaction', 'credits', 'summary-availability', 'summary-credits'])
      assert.doesNotMatch(out, new RegExp(`<section id="${id}">`))
    assert.doesNotMatch(out, /<th scope="col">First response<\/th>|Open at the end/)
    assert.match(out, /<th scope="col" class="num">Opened in the period<\/th>/)
  })

  test('a period still running is provisional; times are in the reporting zone', () => {
    const zoned = renderAgreement({ reporting: { every: 'month', timezone: 'Asia/Kolkata' } })
    const history = historyOf([zoned, '2026-01-01T00:00:00Z'])
    const running = reportFromEvents(history, '2026-10', '2026-10-25T00:00:00Z', OCTOBER_TICKETS)
    const out = renderReportHtml(running, zoned)
    assert.match(
      out,
      /provisional: the period is still running, figures as of 2026-10-25 05:30 Asia\/(Kolkata|Calcutta)/,
    )
    // The zone as the report names it: ICU's canonical name, which older data spells Calcutta.
    assert.match(out, /1 October 2026 to 31 October 2026 \(Asia\/(Kolkata|Calcutta)\)/)
    // T-12's first response was due at 10:00 UTC: 15:30 in Kolkata.
    assert.match(
      out,
      /<td>T-12<\/td><td>P2<\/td><td>First response<\/td><td class="num">1<\/td><td>2026-10-20 15:30<\/td>/,
    )
  })

  test('without the agreement: ids for names, and no maintenance or outage times', () => {
    const out = renderReportHtml(report)
    assert.match(out, /<dt>Agreement<\/dt><dd>acme-helpdesk<\/dd><dt>Customer<\/dt><dd>acme<\/dd>/)
    assert.match(out, /Outage times are not known here/)
    assert.doesNotMatch(out, /height="11" fill="#7fa3d6"\/>/)
  })
})
