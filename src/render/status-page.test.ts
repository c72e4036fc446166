// The status page's HTML from a view: labels beside colours, figures floored, text escaped.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { DayFigures } from '../domain/availability/daily-figures.ts'
import type { AvailabilityFigures } from '../domain/availability/measure.ts'
import { renderStatusPage, type ServiceView, type StatusPageView } from './status-page.ts'

const NOW = Date.parse('2026-11-27T10:00:00Z')
const HOUR = 3_600_000

function day(date: string, state: DayFigures['state'], f: Partial<AvailabilityFigures> = {}): DayFigures {
  const start = Date.parse(`${date}T00:00:00Z`)
  const figures = {
    eligibleMs: 0,
    downMs: 0,
    degradedMs: 0,
    unknownMs: 0,
    maintenanceMs: 0,
    uptime: null,
    ...f,
  }
  return { date, start, end: start + 24 * HOUR, state, figures: figures as AvailabilityFigures }
}

function view(service: Partial<ServiceView> = {}, more: Partial<StatusPageView> = {}): StatusPageView {
  const portal: ServiceView = {
    id: 'portal',
    name: 'Customer portal',
    status: 'up',
    inMaintenance: false,
    timeZone: 'Europe/London',
    uptime: '99.9999',
    noDataMs: 0,
    days: [
      day('2026-11-26', 'no-data', { unknownMs: 24 * HOUR }),
      day('2026-11-27', 'up', { uptime: '100.0000' }),
    ],
    incidents: [],
    ...service,
  }
  return { title: 'Acme', generatedAt: NOW, services: [portal], maintenance: [], ...more }
}

describe('renderStatusPage', () => {
  test('figures are floored as shown: 99.9999% is 99.99%, never 100.00%', () => {
    const html = renderStatusPage(view())
    assert.ok(html.includes('99.99% uptime in 2 days'))
    assert.ok(html.includes('title="2026-11-27: No downtime, 100.00% uptime"'))
    assert.ok(
      html.includes(
        'class="day day-no-data" data-state="no-data" data-date="2026-11-26" title="2026-11-26: No data"',
      ),
    )
  })

  test('a service under announced maintenance says so, beside its colour', () => {
    const html = renderStatusPage(view({ status: 'down', inMaintenance: true }))
    assert.ok(html.includes('<span class="badge badge-maintenance">Under maintenance</span>'))
    assert.ok(html.includes('Maintenance in progress'))
    assert.ok(renderStatusPage(view({ status: 'down' })).includes('Some services are down'))
  })

  test('the twenty latest incidents, then how many more', () => {
    const incidents = Array.from({ length: 25 }, (_, i) => ({
      start: NOW - (i + 1) * HOUR,
      end: NOW - (i + 1) * HOUR + 60_000,
      durationMs: 60_000,
    }))
    const html = renderStatusPage(view({ incidents }))
    assert.equal(html.match(/: down 1m<\/li>/g)?.length, 20)
    assert.ok(html.includes('and 5 earlier'))
    assert.ok(html.includes('<time datetime="2026-11-27T09:00:00.000Z">2026-11-27 09:00</time>'))
  })

  test('maintenance is marked completed, in progress or upcoming, and its text escaped', () => {
    const window = (start: string, hours: number) => ({
      window: 'w',
      services: ['Customer portal'],
      timeZone: 'UTC',
      start: Date.parse(start),
      end: Date.parse(start) + hours * HOUR,
      description: 'Upgrade <b>db</b> & "cache"',
    })
    const html = renderStatusPage(
      view(
        {},
        {
          maintenance: [
            window('2026-11-20T02:00Z', 2),
            window('2026-11-27T09:00Z', 2),
            window('2026-12-01T02:00Z', 2),
          ],
        },
      ),
    )
    const states = [...html.matchAll(/<strong>(\w[\w ]*)<\/strong>/g)].map((m) => m[1])
    assert.deepEqual(states, ['Completed', 'In progress', 'Upcoming'])
    assert.ok(html.includes('Upgrade &lt;b&gt;db&lt;/b&gt; &amp; &quot;cache&quot;'))
    assert.ok(!html.includes('<b>db'))
  })
})
