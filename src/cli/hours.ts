// `upheld hours …`: business-time answers from a calendar file, for people who want one now.
import type { Command } from 'commander'
import { AppError } from '../domain/app-error.ts'
import type { Calendar } from '../domain/calendar.ts'
import { formatDuration, parseDuration } from '../domain/duration.ts'
import { formatIssue } from '../domain/issues.ts'
import { formatInZone, parseInstant } from '../domain/time-zone.ts'
import { print } from './output.ts'
import { readCalendarFile } from './read-calendar-file.ts'

type Common = { calendar: string; json?: boolean }

export function registerHours(program: Command, now: () => number): void {
  const hours = program
    .command('hours')
    .description('business-time answers from a calendar (YAML or JSON; FILE#id picks one from an agreement)')

  hours
    .command('due')
    .description('when a target of business time, started at --from, falls due')
    .requiredOption('--calendar <file>', 'calendar file, or agreement file#calendar-id')
    .requiredOption(
      '--in <duration>',
      'business time: 4h, 30m, 1h30m, 2d (24h) or ISO 8601 PT4H; negative goes back',
    )
    .option('--from <time>', "start: ISO 8601; without an offset, in the calendar's zone (default: now)")
    .option('--json', 'print JSON')
    .action((opts: Common & { in: string; from?: string }) => {
      const calendar = readCalendarFile(opts.calendar)
      const from = instantOption('--from', opts.from, calendar, now)
      const ms = durationOption('--in', opts.in)
      const due = calendar.add(from, ms).getTime()
      print(
        opts.json,
        {
          from: iso(from),
          business_ms: ms,
          due: iso(due),
          due_local: formatInZone(calendar.timezone, due),
          timezone: calendar.timezone,
        },
        [
          `due   ${human(calendar, due)}`,
          `      ${iso(due)} (UTC)`,
          `from  ${human(calendar, from)}, plus ${formatDuration(ms)} of business time`,
        ],
      )
    })

  hours
    .command('between')
    .description('business time between two instants, in [from, to)')
    .requiredOption('--calendar <file>', 'calendar file, or agreement file#calendar-id')
    .requiredOption('--from <time>', "ISO 8601; without an offset, in the calendar's zone")
    .requiredOption('--to <time>', "ISO 8601; without an offset, in the calendar's zone")
    .option('--json', 'print JSON')
    .action((opts: Common & { from: string; to: string }) => {
      const calendar = readCalendarFile(opts.calendar)
      const from = instantOption('--from', opts.from, calendar, now)
      const to = instantOption('--to', opts.to, calendar, now)
      const ms = calendar.between(from, to)
      print(opts.json, { from: iso(from), to: iso(to), business_ms: ms, business: formatDuration(ms) }, [
        `${formatDuration(ms)} of business time (${ms} ms)`,
        `from  ${human(calendar, from)}`,
        `to    ${human(calendar, to)}`,
      ])
    })

  hours
    .command('open')
    .description('whether the calendar is open at an instant, and when that changes')
    .requiredOption('--calendar <file>', 'calendar file, or agreement file#calendar-id')
    .option('--at <time>', "ISO 8601; without an offset, in the calendar's zone (default: now)")
    .option('--json', 'print JSON')
    .action((opts: Common & { at?: string }) => {
      const calendar = readCalendarFile(opts.calendar)
      const at = instantOption('--at', opts.at, calendar, now)
      const open = calendar.isOpen(at)
      const change = nextChange(calendar, at, open)
      const key = open ? 'closes' : 'opens'
      print(opts.json, { at: iso(at), open, [key]: change === null ? null : iso(change) }, [
        `${open ? 'open' : 'closed'} at ${human(calendar, at)}`,
        change === null ? `${key} not within ten years` : `${key} ${human(calendar, change)}`,
      ])
    })
}

// A 24x7 calendar never closes; a search that finds no change within its reach says so.
function nextChange(calendar: Calendar, at: number, open: boolean): number | null {
  try {
    return (open ? calendar.nextClosing(at) : calendar.nextOpening(at)).getTime()
  } catch (error) {
    if (error instanceof AppError && (error.code === 'out_of_range' || error.code === 'no_open_time'))
      return null
    throw error
  }
}

function instantOption(
  flag: string,
  value: string | undefined,
  calendar: Calendar,
  now: () => number,
): number {
  if (value === undefined || value === 'now') return now()
  const t = parseInstant(value, calendar.timezone)
  if (t === null) {
    throw new AppError(
      'invalid_input',
      `${flag}: "${value}" is not a date-time (ISO 8601, e.g. 2026-11-20T16:30:00Z)`,
    )
  }
  return t
}

function durationOption(flag: string, value: string): number {
  const negative = value.trim().startsWith('-')
  const parsed = parseDuration(negative ? value.trim().slice(1) : value)
  if (!parsed.ok) throw new AppError('invalid_input', `${flag}: ${formatIssue(parsed.issue)}`)
  return negative ? -parsed.ms : parsed.ms
}

function human(calendar: Calendar, t: number): string {
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: calendar.timezone, weekday: 'short' }).format(
    t,
  )
  const local = formatInZone(calendar.timezone, t)
  return `${weekday} ${local.slice(0, 10)} ${local.slice(11, 16)} ${calendar.timezone} (UTC${local.slice(23)})`
}

function iso(t: number): string {
  return new Date(t).toISOString()
}
