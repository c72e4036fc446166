// A file of generic status events (JSONL) read as monitor reports, by service: every line is
// checked before anything is measured (each problem with file and line), and an event id seen
// before is a retry and is skipped, as ingest would. `upheld uptime` and `upheld report` read it.
import { readFileSync } from 'node:fs'
import { AppError } from '../domain/app-error.ts'
import type { Observation } from '../domain/availability/status-intervals.ts'
import type { Issue } from '../domain/issues.ts'
import { readStatusEvents, splitJsonLines } from '../domain/status-events.ts'

export function readStatusEventFile(file: string): Map<string, Observation[]> {
  let text: string
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  } catch {
    throw new AppError('not_found', `${file}: no such file`)
  }
  const onLines = (issues: Issue[]) => issues.map((i) => ({ ...i, path: i.path.slice(1), file }))
  const lines = splitJsonLines(text)
  if (!lines.ok) throw new AppError('invalid_input', `${file}: bad events`, onLines(lines.issues))
  const events = readStatusEvents(lines.value.items, lines.value.lines)
  if (!events.ok) throw new AppError('invalid_input', `${file}: bad events`, onLines(events.issues))
  const seen = new Set<string>()
  const byService = new Map<string, Observation[]>()
  for (const event of events.value) {
    if (seen.has(event.id)) continue
    seen.add(event.id)
    const list = byService.get(event.service) ?? []
    list.push({ component: event.component, at: event.at, status: event.status, holdMs: null })
    byService.set(event.service, list)
  }
  return byService
}
