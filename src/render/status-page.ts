// The public status page as server-rendered HTML: works without a script, every colour has a
// text label beside it or in its bar's title (and in hidden text for screen readers), and every
// text from an agreement or the database is escaped.
import type { DayFigures, DayState } from '../domain/availability/daily-figures.ts'
import type { Incident } from '../domain/availability/measure.ts'
import type { AnnouncedMaintenance } from '../domain/availability/public-services.ts'
import type { Status } from '../domain/availability/status-intervals.ts'
import { formatDuration } from '../domain/duration.ts'
import { formatInZone } from '../domain/time-zone.ts'
import { escapeHtml as e } from './markdown-html.ts'
import { STATUS_PAGE_STYLE } from './status-page-style.ts'

export type ServiceView = {
  id: string
  name: string
  status: Status
  inMaintenance: boolean
  /** Where its days begin and end, and the zone its times are shown in. */
  timeZone: string
  /** Over the days shown, of the time with data, floored. */
  uptime: string | null
  /** How much of the days shown had no data. */
  noDataMs: number
  days: DayFigures[]
  /** Newest first. */
  incidents: Incident[]
}

/** Announced maintenance, its services by name. */
export type MaintenanceView = AnnouncedMaintenance

export type StatusPageView = {
  title: string
  generatedAt: number
  services: ServiceView[]
  maintenance: MaintenanceView[]
}

const STATUS_LABEL: Record<Status, string> = {
  up: 'Operational',
  degraded: 'Degraded performance',
  down: 'Down',
  unknown: 'No data',
}

const DAY_LABEL: Record<DayState, string> = {
  up: 'No downtime',
  partial: 'No downtime, partial data',
  degraded: 'Degraded',
  down: 'Downtime',
  maintenance: 'Maintenance',
  'no-data': 'No data',
}

const LEGEND: DayState[] = ['up', 'partial', 'degraded', 'down', 'maintenance', 'no-data']
const MAX_INCIDENTS = 20

export function renderStatusPage(view: StatusPageView): string {
  return layout(
    `${view.title} status`,
    [
      `<h1>${e(view.title)} status</h1>`,
      summary(view.services),
      ...view.services.map(service),
      maintenance(view.maintenance, view.generatedAt),
      `<ul class="legend" aria-label="What the colours mean">${LEGEND.map(
        (s) => `<li><span class="day-${s}"></span>${DAY_LABEL[s]}</li>`,
      ).join('')}</ul>`,
      `<p class="muted">Each bar is a day in the service's time zone; a day nobody could check is grey, never green. Updated ${e(stamp('UTC', view.generatedAt))} UTC.</p>`,
    ].join('\n'),
  )
}

export function renderStatusIndex(pages: readonly { id: string; name: string }[]): string {
  const items = pages.map((p) => `<li><a href="/status/${encodeURIComponent(p.id)}">${e(p.name)}</a></li>`)
  return layout(
    'Status',
    pages.length === 0
      ? '<h1>Status</h1>\n<p>No service is published here.</p>'
      : `<h1>Status</h1>\n<ul>${items.join('')}</ul>`,
  )
}

export function renderStatusNotFound(): string {
  return layout(
    'No such status page',
    '<h1>No such status page</h1>\n<p><a href="/status">All status pages</a></p>',
  )
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="60">
<style>${STATUS_PAGE_STYLE}</style></head>
<body><main>
${body}
</main></body></html>`
}

const SUMMARY = {
  down: 'Some services are down',
  degraded: 'Some services are degraded',
  unknown: 'The status of some services is not known',
  maintenance: 'Maintenance in progress',
  up: 'All services are operational',
}

function summary(services: readonly ServiceView[]): string {
  const live = services.filter((v) => !v.inMaintenance).map((v) => v.status)
  const kind =
    (['down', 'degraded', 'unknown'] as const).find((s) => live.includes(s)) ??
    (live.length < services.length ? 'maintenance' : 'up')
  return `<p class="summary summary-${kind}" role="status">${SUMMARY[kind]}</p>`
}

function service(s: ServiceView): string {
  const badge = s.inMaintenance
    ? `<span class="badge badge-maintenance">Under maintenance</span>`
    : `<span class="badge badge-${s.status}">${STATUS_LABEL[s.status]}</span>`
  const first = s.days[0]?.date ?? ''
  return `<section class="service" id="service-${e(s.id)}" data-status="${s.inMaintenance ? 'maintenance' : s.status}" aria-labelledby="name-${e(s.id)}">
<div class="service-head"><h2 id="name-${e(s.id)}">${e(s.name)}</h2>${badge}</div>
<ol class="bars" aria-label="${e(`${s.name}: one bar a day, ${first} to today`)}">${s.days.map(bar).join('')}</ol>
<p class="axis"><span>${e(first)}</span><span>${overall(s)}</span><span>today</span></p>
${incidents(s)}
</section>`
}

function overall(s: ServiceView): string {
  if (s.uptime === null) return `no data in ${s.days.length} days`
  const gaps = s.noDataMs > 0 ? `, no data for ${formatDuration(s.noDataMs)}` : ''
  return `${shown(s.uptime)}% uptime in ${s.days.length} days${gaps}`
}

function bar(day: DayFigures): string {
  const f = day.figures
  const parts = [DAY_LABEL[day.state]]
  if (f.uptime !== null) parts.push(`${shown(f.uptime)}% uptime`)
  if (f.downMs > 0) parts.push(`down ${formatDuration(f.downMs)}`)
  if (f.degradedMs > 0) parts.push(`degraded ${formatDuration(f.degradedMs)}`)
  if (f.maintenanceMs > 0) parts.push(`maintenance ${formatDuration(f.maintenanceMs)}`)
  if (f.unknownMs > 0 && day.state !== 'no-data') parts.push(`no data for ${formatDuration(f.unknownMs)}`)
  const text = `${day.date}: ${parts.join(', ')}`
  return `<li class="day day-${day.state}" data-state="${day.state}" data-date="${e(day.date)}" title="${e(text)}"><span class="sr">${e(text)}</span></li>`
}

function incidents(s: ServiceView): string {
  if (s.incidents.length === 0) return `<p class="muted">No incidents in the last ${s.days.length} days.</p>`
  const items = s.incidents
    .slice(0, MAX_INCIDENTS)
    .map(
      (i) =>
        `<li><time datetime="${iso(i.start)}">${e(stamp(s.timeZone, i.start))}</time> to <time datetime="${iso(i.end)}">${e(stamp(s.timeZone, i.end))}</time>: down ${formatDuration(i.durationMs)}</li>`,
    )
  const more = s.incidents.length - MAX_INCIDENTS
  return `<h3>Incidents <span class="muted">(${e(s.timeZone)})</span></h3>
<ul class="incidents">${items.join('')}</ul>${more > 0 ? `<p class="muted">and ${more} earlier</p>` : ''}`
}

function maintenance(windows: readonly MaintenanceView[], now: number): string {
  const when = (w: MaintenanceView) =>
    w.end <= now ? 'Completed' : w.start <= now ? 'In progress' : 'Upcoming'
  const items = windows.map(
    (w) =>
      `<li><strong>${when(w)}</strong>: <time datetime="${iso(w.start)}">${e(stamp(w.timeZone, w.start))}</time> to <time datetime="${iso(w.end)}">${e(stamp(w.timeZone, w.end))}</time> ${e(w.timeZone)}, ${e(w.services.join(', '))}${w.description ? `. ${e(w.description)}` : ''}</li>`,
  )
  return `<section aria-labelledby="maintenance"><h2 id="maintenance">Maintenance</h2>
${items.length === 0 ? '<p class="muted">None announced.</p>' : `<ul class="windows">${items.join('')}</ul>`}</section>`
}

// A floored figure cut to two decimals is still floored: 100.00 only when nothing was down.
function shown(uptime: string): string {
  return uptime.slice(0, uptime.indexOf('.') + 3)
}

const iso = (t: number) => new Date(t).toISOString()

// `2026-11-03 10:00` on the zone's wall clock.
function stamp(zone: string, t: number): string {
  return formatInZone(zone, t).slice(0, 16).replace('T', ' ')
}
