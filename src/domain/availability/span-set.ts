// Sets of instants as sorted, disjoint, half-open spans [start, end) of epoch milliseconds:
// availability is worked out as unions, intersections and differences of these, never by
// stepping through time, so a year of one-minute data costs what its spans cost.
import { MINUTE } from '../time-zone.ts'

export type Span = { start: number; end: number }

/** Sorted and merged: overlapping or touching spans join, empty ones go. */
export function normalizeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start)
  const out: Span[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ start: s.start, end: s.end })
  }
  return out
}

export function unionSpans(...sets: (readonly Span[])[]): Span[] {
  return normalizeSpans(sets.flat())
}

/** The instants in both; each argument must already be normalized. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    const start = Math.max(x.start, y.start)
    const end = Math.min(x.end, y.end)
    if (end > start) out.push({ start, end })
    if (x.end < y.end) i++
    else j++
  }
  return out
}

/** The instants of `a` not in `b`; each argument must already be normalized. */
export function subtractSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = []
  let j = 0
  for (const x of a) {
    let start = x.start
    while (j < b.length && b[j]!.end <= start) j++
    for (let k = j; k < b.length && b[k]!.start < x.end; k++) {
      if (b[k]!.start > start) out.push({ start, end: b[k]!.start })
      start = Math.max(start, b[k]!.end)
    }
    if (start < x.end) out.push({ start, end: x.end })
  }
  return out
}

export function spansLength(spans: readonly Span[]): number {
  return spans.reduce((sum, s) => sum + (s.end - s.start), 0)
}

/**
 * Every whole minute the spans touch. Minutes are counted from the epoch: every zone in use
 * today is a whole number of minutes from UTC, so these are the local minutes too.
 */
export function touchedMinutes(spans: readonly Span[]): Span[] {
  return normalizeSpans(
    spans.map((s) => ({
      start: Math.floor(s.start / MINUTE) * MINUTE,
      end: Math.ceil(s.end / MINUTE) * MINUTE,
    })),
  )
}

/** The spans that last at least `ms`. */
export function spansAtLeast(spans: readonly Span[], ms: number): Span[] {
  return spans.filter((s) => s.end - s.start >= ms)
}
