// IANA time-zone arithmetic on epoch milliseconds, built on Intl only (browser-safe).
// Local wall-clock times are represented as "local milliseconds": the epoch value the
// wall-clock reading would have if the zone were UTC.

export const MINUTE = 60_000
export const HOUR = 3_600_000
export const DAY = 86_400_000

type ZoneDay = { before: number; transition: number; after: number }
type Zone = { name: string; fixed: number | null; format: Intl.DateTimeFormat; days: Map<number, ZoneDay> }

const zones = new Map<string, Zone>()

/** True when `name` is an IANA time zone this runtime knows. */
export function isValidTimeZone(name: string): boolean {
  return resolveZone(name) !== null
}

/** The runtime's canonical spelling of a zone name (Intl accepts any letter case). */
export function canonicalTimeZone(name: string): string | null {
  return resolveZone(name)?.name ?? null
}

function resolveZone(name: string): Zone | null {
  const cached = zones.get(name)
  if (cached) return cached
  if (typeof name !== 'string' || name.trim() === '') return null
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch {
    return null
  }
  const canonical = format.resolvedOptions().timeZone
  const fixed = canonical === 'UTC' || canonical === 'Etc/UTC' || canonical === 'Etc/GMT' ? 0 : null
  const zone: Zone = { name: canonical, fixed, format, days: new Map() }
  zones.set(name, zone)
  return zone
}

function zoneOf(name: string): Zone {
  const zone = resolveZone(name)
  if (!zone) throw new RangeError(`unknown time zone "${name}"`)
  return zone
}

// Offset (local − UTC, in ms) read from Intl at a whole second.
function rawOffset(zone: Zone, t: number): number {
  const second = Math.floor(t / 1000) * 1000
  let year = 0
  let month = 1
  let day = 1
  let hour = 0
  let minute = 0
  let sec = 0
  let bc = false
  for (const part of zone.format.formatToParts(second)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value)
        break
      case 'month':
        month = Number(part.value)
        break
      case 'day':
        day = Number(part.value)
        break
      case 'hour':
        hour = Number(part.value)
        break
      case 'minute':
        minute = Number(part.value)
        break
      case 'second':
        sec = Number(part.value)
        break
      case 'era':
        bc = part.value.startsWith('B')
        break
    }
  }
  return utcMs(bc ? 1 - year : year, month, day, hour, minute, sec) - second
}

// Date.UTC reads years 0–99 as 1900–1999, so those few are set explicitly.
function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second)
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second))
  d.setUTCFullYear(year)
  return d.getTime()
}

// Offsets change at most once in a UTC day in every zone in use; each day is read from Intl
// once, and a transition inside it is located to the second by bisection.
function zoneDay(zone: Zone, dayIndex: number): ZoneDay {
  const cached = zone.days.get(dayIndex)
  if (cached) return cached
  const start = dayIndex * DAY
  const before = rawOffset(zone, start)
  const after = rawOffset(zone, start + DAY - 1000)
  let transition = Number.POSITIVE_INFINITY
  if (before !== after) {
    let lo = start / 1000 // offset(lo) === before
    let hi = (start + DAY - 1000) / 1000 // offset(hi) === after
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (rawOffset(zone, mid * 1000) === before) lo = mid
      else hi = mid
    }
    transition = hi * 1000
  }
  const entry = { before, transition, after }
  zone.days.set(dayIndex, entry)
  return entry
}

/** The zone's offset from UTC (ms) at instant `t`. */
export function offsetAt(timeZone: string, t: number): number {
  const zone = zoneOf(timeZone)
  if (zone.fixed !== null) return zone.fixed
  const day = zoneDay(zone, Math.floor(t / DAY))
  return t < day.transition ? day.before : day.after
}

/** Wall-clock reading at instant `t`, as local milliseconds. */
export function toLocal(timeZone: string, t: number): number {
  return t + offsetAt(timeZone, t)
}

/**
 * The instant at which the zone's clocks read `local`. A reading that does not exist
 * (spring forward) moves forward by the gap; an ambiguous one (fall back) takes the first
 * occurrence.
 */
export function fromLocal(timeZone: string, local: number): number {
  const zone = zoneOf(timeZone)
  if (zone.fixed !== null) return local - zone.fixed
  const early = offsetAt(timeZone, local - DAY)
  const late = offsetAt(timeZone, local + DAY)
  const first = local - early
  if (early === late && offsetAt(timeZone, first) === early) return first
  const second = local - late
  const candidates = [first, second].filter((t) => offsetAt(timeZone, t) === local - t)
  if (candidates.length > 0) return Math.min(...candidates)
  // In the gap: read the wall clock with the offset in force before it, which lands the
  // same distance past the gap's end.
  return first
}

/** `2026-11-23T11:00:00.000+00:00`: the wall-clock reading in the zone, with its offset. */
export function formatInZone(timeZone: string, t: number): string {
  const offset = offsetAt(timeZone, t)
  const local = new Date(t + offset).toISOString().slice(0, 23)
  const sign = offset < 0 ? '-' : '+'
  const minutes = Math.abs(Math.round(offset / MINUTE))
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = String(minutes % 60).padStart(2, '0')
  return `${local}${sign}${hh}:${mm}`
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * Reads an ISO 8601 date-time. With `Z` or an offset it is that instant; without one it is a
 * wall-clock reading in `timeZone` (gaps and overlaps resolved as fromLocal does). A bare
 * date is its midnight. Returns null for anything else.
 */
export function parseInstant(text: string, timeZone: string): number | null {
  const m = ISO_INSTANT.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[]
  if (month! < 1 || month! > 12 || day! < 1 || hour! > 24 || minute! > 59 || second! > 59) return null
  if (hour === 24 && (minute !== 0 || second !== 0)) return null
  const local = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, Number(frac.padEnd(3, '0')))
  if (new Date(Date.UTC(year!, month! - 1, day!)).getUTCDate() !== day) return null
  if (zone === undefined) return fromLocal(timeZone, local)
  if (zone.toUpperCase() === 'Z') return local
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return local - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * MINUTE
}
