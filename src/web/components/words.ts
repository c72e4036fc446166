// Words every part of the app says the same way: metric names and counted nouns.
import type { Metric } from '../../domain/agreement/sections-service-levels.ts'

export const METRIC_NAMES: Record<Metric, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  periodic_update: 'Periodic update',
  resolution: 'Resolution',
}

/** `first_response` → `First response`; a metric outside the schema's list in words. */
export function metricName(metric: string): string {
  return METRIC_NAMES[metric as Metric] ?? wordsOf(metric)
}

/** `waiting_on_customer` → `Waiting on customer`. */
export function wordsOf(id: string): string {
  const words = id.replaceAll('_', ' ').replaceAll('-', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** `3, 'clock'` → `3 clocks`; `1, 'clock'` → `1 clock`; thousands grouped. */
export const plural = (n: number, unit: string, units = `${unit}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? unit : units}`
