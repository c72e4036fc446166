// Instants as people read them: in the viewer's time zone, with the agreement's zone (when
// it differs) on hover and for screen readers in the title; the machine value in dateTime.
import { useEffect, useState } from 'react'

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone

const formats = new Map<string, Intl.DateTimeFormat>()
function formatter(zone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${withDate}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, {
      timeZone: zone,
      ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    })
    formats.set(key, f)
  }
  return f
}

/** `Mon, 23 Nov 2026, 09:00 GMT` in the given zone (the viewer's by default). */
export function formatInstant(at: string | number | Date, zone = viewerZone): string {
  return formatter(zone, true).format(new Date(at))
}

export function Time({ at, zone }: { at: string | number | Date | null | undefined; zone?: string }) {
  if (at === null || at === undefined) return <span className="muted">—</span>
  const date = new Date(at)
  const shown = formatInstant(date)
  const title = zone && zone !== viewerZone ? `${formatInstant(date, zone)} (${zone})` : undefined
  return (
    <time dateTime={date.toISOString()} title={title}>
      {shown}
    </time>
  )
}

const UNITS: [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
]

/** 90,061,000 → "1d 1h 1m"; the two largest units, and seconds only under an hour. */
export function formatDuration(ms: number, { seconds = false }: { seconds?: boolean } = {}): string {
  const sign = ms < 0 ? '−' : ''
  let rest = Math.abs(ms)
  const parts: string[] = []
  for (const [unit, size] of UNITS) {
    if (unit === 's' && (!seconds || Math.abs(ms) >= 3_600_000)) break
    const n = Math.floor(rest / size)
    rest -= n * size
    if (n > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${n}${unit}`)
    if (parts.length === 2) break
  }
  return sign + (parts.length ? parts.join(' ') : seconds ? '0s' : '0m')
}

/** The current instant, ticking every `everyMs` (one timer per component). */
export function useNow(everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(id)
  }, [everyMs])
  return now
}

export { viewerZone }
