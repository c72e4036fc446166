// Writing reports into status intervals, in the caller's transaction. Events are replayed from
// the stored log, so one that arrives late rewrites its stream from its instant on; a probe's
// reports arrive in order and continue the stream's open interval.
import { foldReports, type StatusReport, type StatusRun } from '../domain/status-runs.ts'
import type { Db } from '../storage/db.ts'
import { streamEventsFrom } from '../storage/status-events.ts'
import {
  type IntervalRow,
  intervalsBefore,
  lockStreams,
  openIntervals,
  replaceIntervals,
  type StreamKey,
} from '../storage/status-intervals.ts'

export const streamId = (k: StreamKey) => JSON.stringify([k.customer_id, k.service, k.component, k.source])

/** Rebuilds each stream from its `t` (the earliest instant among its new events) on. */
export async function replayStreams(db: Db, streams: readonly (StreamKey & { t: Date })[]): Promise<void> {
  await lockStreams(db, streams.map(streamId))
  const seeds = byStream(await intervalsBefore(db, streams))
  const events = new Map<string, StatusReport[]>()
  for (const e of await streamEventsFrom(db, streams)) {
    const report = { at: e.at.getTime(), status: e.status, holdsUntil: null }
    const list = events.get(streamId(e))
    if (list) list.push(report)
    else events.set(streamId(e), [report])
  }
  await rewrite(
    db,
    streams.map((s) => ({ key: s, seed: seeds.get(streamId(s)), reports: events.get(streamId(s)) ?? [] })),
  )
}

/** Continues each stream's open interval with its reports (in time order). */
export async function appendReports(
  db: Db,
  streams: readonly { key: StreamKey; reports: StatusReport[] }[],
): Promise<void> {
  await lockStreams(
    db,
    streams.map((s) => streamId(s.key)),
  )
  const seeds = byStream(
    await openIntervals(
      db,
      streams.map((s) => s.key),
    ),
  )
  await rewrite(
    db,
    streams.map((s) => ({ ...s, seed: seeds.get(streamId(s.key)) })),
  )
}

type Rewrite = { key: StreamKey; seed: IntervalRow | undefined; reports: readonly StatusReport[] }

async function rewrite(db: Db, streams: readonly Rewrite[]): Promise<void> {
  const replaced: (StreamKey & { from: Date })[] = []
  const rows: IntervalRow[] = []
  for (const { key, seed, reports } of streams) {
    const first = reports[0]
    if (first === undefined) continue
    const runs = foldReports(seed ? runOf(seed) : null, reports)
    replaced.push({ ...key, from: seed?.start_at ?? new Date(first.at) })
    rows.push(...runs.map((run) => rowOf(key, run)))
  }
  await replaceIntervals(db, replaced, rows)
}

function byStream(rows: readonly IntervalRow[]): Map<string, IntervalRow> {
  return new Map(rows.map((r) => [streamId(r), r]))
}

export function runOf(row: IntervalRow): StatusRun {
  return {
    status: row.status,
    start: row.start_at.getTime(),
    end: row.end_at?.getTime() ?? null,
    holdsUntil: row.holds_until?.getTime() ?? null,
  }
}

function rowOf(key: StreamKey, run: StatusRun): IntervalRow {
  return {
    customer_id: key.customer_id,
    service: key.service,
    component: key.component,
    source: key.source,
    status: run.status,
    start_at: new Date(run.start),
    end_at: run.end === null ? null : new Date(run.end),
    holds_until: run.holdsUntil === null ? null : new Date(run.holdsUntil),
  }
}
