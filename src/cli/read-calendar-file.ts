// Reads a calendar from a YAML or JSON file: either a calendar itself, or an agreement whose
// spec.calendars holds it (`sla.yaml#business` picks one by id). Holiday feeds given as
// `{ file: holidays.ics }` are read relative to the calendar file.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { AppError } from '../domain/app-error.ts'
import { type Calendar, parseCalendar } from '../domain/calendar.ts'
import type { Issue, PathSegment } from '../domain/issues.ts'
import { locateIssues, parseSourceText } from '../domain/source-text.ts'

export function readCalendarFile(reference: string): Calendar {
  const hash = reference.lastIndexOf('#')
  const file = hash > 0 ? reference.slice(0, hash) : reference
  const id = hash > 0 ? reference.slice(hash + 1) : undefined
  const text = readText(file)
  const source = parseSourceText(text, file)
  if (!source.ok) throw new AppError('invalid_input', 'cannot read the calendar file', source.issues)
  const { spec, path } = pickCalendar(source.value, id, file)
  const fail = (issues: Issue[]) =>
    new AppError(
      'invalid_input',
      'invalid calendar',
      locateIssues(
        source,
        issues.map((i) => ({ ...i, path: [...path, ...i.path] })),
        file,
      ),
    )
  const feeds = readFeeds(spec, file)
  if (feeds.issues.length > 0) throw fail(feeds.issues)
  const result = parseCalendar(feeds.spec)
  if (!result.ok) throw fail(result.issues)
  return result.value
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError(
      code === 'ENOENT' ? 'not_found' : 'invalid_input',
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(error)})`,
    )
  }
}

function pickCalendar(
  doc: unknown,
  id: string | undefined,
  file: string,
): { spec: unknown; path: PathSegment[] } {
  const calendars = (doc as { spec?: { calendars?: unknown } } | null)?.spec?.calendars
  if (!Array.isArray(calendars)) {
    if (id !== undefined) throw new AppError('invalid_input', `${file} is a single calendar; drop "#${id}"`)
    return { spec: doc, path: [] }
  }
  const ids = calendars.map((c) => (c as { id?: unknown })?.id)
  const index = id === undefined ? (calendars.length === 1 ? 0 : -1) : ids.indexOf(id)
  if (index < 0) {
    const known = ids.map(String).join(', ')
    throw new AppError(
      'invalid_input',
      id === undefined
        ? `${file} holds several calendars (${known}); pick one as ${file}#ID`
        : `${file} has no calendar "${id}" (it has ${known})`,
    )
  }
  return { spec: calendars[index], path: ['spec', 'calendars', index] }
}

function readFeeds(spec: unknown, file: string): { spec: unknown; issues: Issue[] } {
  const holidays = (spec as { holidays?: unknown } | null)?.holidays
  if (!Array.isArray(holidays)) return { spec, issues: [] }
  const issues: Issue[] = []
  const resolved = holidays.map((item, index) => {
    const feed = (item as { file?: unknown } | null)?.file
    if (typeof feed !== 'string') return item
    try {
      return { icalendar: readFileSync(resolve(dirname(file), feed), 'utf8') }
    } catch {
      issues.push({
        path: ['holidays', index, 'file'],
        message: `cannot read "${feed}"`,
        hint: 'a path relative to the calendar file',
      })
      return item
    }
  })
  return { spec: { ...(spec as object), holidays: resolved }, issues }
}
