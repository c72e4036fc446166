// Reads a JSONL file of ticket events and hands them back one ticket at a time, without
// holding every ticket in memory: large files are first split into bucket files by ticket.
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fromZodIssues } from '../domain/agreement/zod-issues.ts'
import { AppError } from '../domain/app-error.ts'
import { type TicketEvent, TicketEventSchema, toTicketEvent } from '../domain/clocks/ticket-events.ts'
import type { Issue } from '../domain/issues.ts'

const IN_MEMORY_BYTES = 16 * 1024 * 1024
const BUCKETS = 64
// Bucket files are written in chunks of about this many characters, not a write per event.
const FLUSH_CHARS = 64 * 1024
const MAX_REPORTED = 20

export type TicketGroups = { events: number; groups(): Generator<TicketEvent[]>; close(): void }
export type ReadOptions = {
  onProgress?: (lines: number) => void
  /** Files larger than this are grouped through bucket files on disk (default 16 MB). */
  inMemoryBytes?: number
}

/**
 * Validates every line first (nothing is replayed from a file with bad lines), then groups.
 * Tickets come in the order of their first line in a small file, by bucket in a large one.
 */
export async function readTicketEventFile(file: string, options: ReadOptions = {}): Promise<TicketGroups> {
  const size = statOrThrow(file)
  const issues: Issue[] = []
  const dir =
    size > (options.inMemoryBytes ?? IN_MEMORY_BYTES) ? mkdtempSync(join(tmpdir(), 'upheld-events-')) : null
  const buckets = dir ? bucketWriter(dir) : null
  const inMemory = new Map<string, TicketEvent[]>()
  let seq = 0
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  let complete = false
  try {
    for await (const line of lines) {
      seq++
      if (options.onProgress && seq % 100_000 === 0) options.onProgress(seq)
      if (line.trim() === '') continue
      // A byte-order mark, as some Windows tools write, is not part of the first event.
      const event = parseLine(seq === 1 ? line.replace(/^\uFEFF/, '') : line, file, seq, issues)
      if (!event) continue
      if (buckets) buckets.write(event)
      else {
        const list = inMemory.get(event.ticket)
        if (list) list.push(event)
        else inMemory.set(event.ticket, [event])
      }
    }
    complete = issues.length === 0
  } finally {
    buckets?.close()
    if (dir && !complete) rmSync(dir, { recursive: true, force: true })
  }
  if (issues.length > 0) throw new AppError('invalid_input', `${file}: bad events`, issues)
  return {
    events: seq,
    *groups() {
      if (!dir) {
        yield* inMemory.values()
        return
      }
      for (let i = 0; i < BUCKETS; i++) {
        const grouped = new Map<string, TicketEvent[]>()
        for (const line of readFileSync(join(dir, `${i}.jsonl`), 'utf8').split('\n')) {
          if (line === '') continue
          const event = JSON.parse(line) as TicketEvent
          const list = grouped.get(event.ticket)
          if (list) list.push(event)
          else grouped.set(event.ticket, [event])
        }
        yield* grouped.values()
      }
    },
    close() {
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

function parseLine(line: string, file: string, lineNo: number, issues: Issue[]): TicketEvent | null {
  const report = (issue: Issue) => {
    if (issues.length < MAX_REPORTED) issues.push({ ...issue, file, line: lineNo })
    else if (issues.length === MAX_REPORTED) issues.push({ path: [], message: 'more bad lines follow', file })
  }
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    report({ path: [], message: 'is not JSON' })
    return null
  }
  const parsed = TicketEventSchema.safeParse(json, { reportInput: true })
  if (!parsed.success) {
    for (const issue of fromZodIssues(TicketEventSchema, parsed.error.issues)) report(issue)
    return null
  }
  return toTicketEvent(parsed.data, lineNo)
}

function bucketWriter(dir: string): { write(event: TicketEvent): void; close(): void } {
  const fds = Array.from({ length: BUCKETS }, (_, i) => openSync(join(dir, `${i}.jsonl`), 'w'))
  const pending = fds.map(() => '')
  const flush = (i: number) => {
    if (pending[i] === '') return
    writeSync(fds[i]!, pending[i]!)
    pending[i] = ''
  }
  return {
    write(event) {
      const i = bucketOf(event.ticket)
      pending[i] += `${JSON.stringify(event)}\n`
      if (pending[i]!.length >= FLUSH_CHARS) flush(i)
    },
    close() {
      for (let i = 0; i < BUCKETS; i++) {
        flush(i)
        closeSync(fds[i]!)
      }
    },
  }
}

function bucketOf(ticket: string): number {
  let h = 2166136261
  for (let i = 0; i < ticket.length; i++) h = Math.imul(h ^ ticket.charCodeAt(i), 16777619)
  return (h >>> 0) % BUCKETS
}

function statOrThrow(file: string): number {
  try {
    return statSync(file).size
  } catch {
    throw new AppError('not_found', `${file}: no such file`)
  }
}
