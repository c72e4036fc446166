// The probe scheduler: one process at a time (the one holding the lease) runs every probe on
// its interval. Each probe keeps a fixed offset within its interval, taken from a hash of its
// name, so that 2,000 probes at 30 s spread over the 30 s instead of firing together, and a
// restart keeps the same rhythm. Each check records how late it started against its slot.
// Results are written in small batches, one transaction each; the definitions are reloaded
// now and then, so an agreement that comes into force, or a probe added through the API,
// starts being probed without a restart.
import { createHash } from 'node:crypto'
import type { Deps } from '../actions/deps.ts'
import { listProbeDefinitions, type ProbeDefinition } from '../actions/list-probe-definitions.ts'
import {
  type ProbeObservation,
  pruneOldProbeResults,
  recordProbeResults,
} from '../actions/record-probe-results.ts'
import { INITIAL_PROBE_STATE, nextProbeState, type ProbeState } from '../domain/probe-state.ts'
import type { CheckResult } from '../domain/probe-verdict.ts'
import { claimLease, releaseLease } from '../storage/probes.ts'
import { checkHttp } from './probe-http.ts'
import { checkTcp } from './probe-tcp.ts'

export type ProbeSchedulerOptions = {
  /** Names this process as the lease holder. */
  name: string
  /** How often the probe definitions are reloaded; default 30 s. */
  refreshMs?: number
  /** How long the lease lasts unrenewed (it is renewed at a third of that); default 30 s. */
  leaseMs?: number
  /** How often buffered results are written; default 1 s (sooner when a batch is full). */
  flushMs?: number
  batchSize?: number
  /** Raw probe results older than this are deleted (hourly); default 30 days. */
  retentionDays?: number
  /** PEM certificates HTTPS probes trust besides the usual roots. */
  ca?: string[]
  log?: (line: string) => void
  /** Told of each batch written (tests, benchmarks). */
  onResults?: (observations: readonly ProbeObservation[]) => void
}

export type ProbeScheduler = { stop(): Promise<void> }

type Entry = {
  definition: ProbeDefinition
  state: ProbeState
  due: number
  timer?: ReturnType<typeof setTimeout>
}

type Settings = Required<Omit<ProbeSchedulerOptions, 'ca' | 'log' | 'onResults'>> &
  Pick<ProbeSchedulerOptions, 'ca' | 'log' | 'onResults'>

type Scheduler = {
  deps: Deps
  o: Settings
  entries: Map<string, Entry>
  inFlight: Set<Promise<void>>
  buffer: ProbeObservation[]
  leading: boolean
  stopping: boolean
  flushing: Promise<void>
}

const LEASE = 'probes'
const HOUR_MS = 3_600_000

export function startProbeScheduler(deps: Deps, options: ProbeSchedulerOptions): ProbeScheduler {
  const o: Settings = {
    ...options,
    refreshMs: options.refreshMs ?? 30_000,
    leaseMs: options.leaseMs ?? 30_000,
    flushMs: options.flushMs ?? 1_000,
    batchSize: options.batchSize ?? 200,
    retentionDays: options.retentionDays ?? 30,
  }
  const s: Scheduler = {
    deps,
    o,
    entries: new Map(),
    inFlight: new Set(),
    buffer: [],
    leading: false,
    stopping: false,
    flushing: Promise.resolve(),
  }
  const whenLeading = (what: string, fn: () => Promise<unknown>) => () => {
    if (s.leading) fn().catch((e) => log(s, what, e))
  }
  const loops = [
    setInterval(() => tend(s).catch((e) => log(s, 'lease', e)), o.leaseMs / 3),
    setInterval(
      whenLeading('refresh', () => refresh(s)),
      o.refreshMs,
    ),
    setInterval(() => flush(s), o.flushMs),
    setInterval(
      whenLeading('prune', () => pruneOldProbeResults(deps, o.retentionDays)),
      HOUR_MS,
    ),
  ]
  const started = tend(s).catch((e) => log(s, 'lease', e))
  return {
    async stop() {
      s.stopping = true
      for (const loop of loops) clearInterval(loop)
      await started
      stopProbing(s)
      await Promise.all(s.inFlight)
      await flush(s)
      if (s.leading) await releaseLease(deps.db, LEASE, o.name).catch((e) => log(s, 'release', e))
    },
  }
}

function log(s: Scheduler, what: string, error: unknown): void {
  s.o.log?.(`probes ${s.o.name}: ${what}: ${error instanceof Error ? error.message : String(error)}`)
}

// Takes or renews the lease; whoever gains it starts probing, whoever loses it stops.
async function tend(s: Scheduler): Promise<void> {
  const now = s.deps.now()
  const held = await claimLease(s.deps.db, LEASE, s.o.name, new Date(now), new Date(now + s.o.leaseMs))
  if (held && !s.leading && !s.stopping) {
    s.leading = true
    await Promise.all([refresh(s), pruneOldProbeResults(s.deps, s.o.retentionDays)])
  } else if (!held && s.leading) {
    s.leading = false
    stopProbing(s)
  }
}

async function refresh(s: Scheduler): Promise<void> {
  const { definitions, problems } = await listProbeDefinitions(s.deps)
  for (const problem of problems) s.o.log?.(`probes ${s.o.name}: skipped ${problem}`)
  const wanted = new Map(definitions.map((d) => [keyOf(d), d]))
  const known = new Map<string, ProbeState>()
  for (const [key, entry] of s.entries) {
    if (wanted.get(key)?.version === entry.definition.version) {
      wanted.delete(key)
      continue
    }
    clearTimeout(entry.timer)
    s.entries.delete(key)
    known.set(key, entry.state)
  }
  if (s.stopping || !s.leading) return
  for (const [key, definition] of wanted) {
    // A probe whose configuration changed keeps what it knew about its service.
    const state = known.get(key) ?? INITIAL_PROBE_STATE
    const entry: Entry = { definition, state, due: nextSlot(definition, s.deps.now()) }
    s.entries.set(key, entry)
    arm(s, entry)
  }
}

function stopProbing(s: Scheduler): void {
  for (const entry of s.entries.values()) clearTimeout(entry.timer)
  s.entries.clear()
}

function arm(s: Scheduler, entry: Entry): void {
  const current = () => !s.stopping && s.entries.get(keyOf(entry.definition)) === entry
  entry.timer = setTimeout(
    () => {
      if (!current()) return
      const done = runCheck(s, entry)
        .catch((error) => log(s, entry.definition.source, error))
        .finally(() => {
          s.inFlight.delete(done)
          // A check that overran its interval skips the slots it missed.
          entry.due = nextSlot(entry.definition, Math.max(entry.due, s.deps.now()))
          if (current()) arm(s, entry)
        })
      s.inFlight.add(done)
    },
    Math.max(0, entry.due - s.deps.now()),
  )
}

async function runCheck(s: Scheduler, entry: Entry): Promise<void> {
  const at = s.deps.now()
  const { definition } = entry
  const result = await check(definition, s.o.ca, s.deps.now)
  const next = nextProbeState(entry.state, { at, outcome: result.outcome }, definition.timing)
  entry.state = next.state
  s.buffer.push({
    probe: definition,
    at,
    lateMs: Math.max(0, at - entry.due),
    failures: next.state.failures,
    result,
    report: next.report,
  })
  if (s.buffer.length >= s.o.batchSize) void flush(s)
}

// Batches are written one after another, never two at once.
function flush(s: Scheduler): Promise<void> {
  s.flushing = s.flushing.then(async () => {
    while (s.buffer.length > 0) {
      const batch = s.buffer.splice(0, s.o.batchSize)
      try {
        await recordProbeResults(s.deps, batch)
        s.o.onResults?.(batch)
      } catch (error) {
        // Lost results leave a gap that the intervals show as unknown, never as up.
        log(s, `${batch.length} results not written`, error)
      }
    }
  })
  return s.flushing
}

function check(
  definition: ProbeDefinition,
  ca: string[] | undefined,
  now: () => number,
): Promise<CheckResult> {
  const { check, timing } = definition
  if (check.kind === 'tcp') return checkTcp(check, { timeoutMs: timing.timeoutMs })
  return checkHttp(check, { now, timeoutMs: timing.timeoutMs, ...(ca ? { ca } : {}) })
}

const keyOf = (d: ProbeDefinition) => `${d.customerId}\u0000${d.source}`

/** The probe's fixed place within its interval, from a hash of its name. */
export function offsetOf(d: ProbeDefinition): number {
  const hash = createHash('sha256').update(keyOf(d)).digest().readUInt32BE(0)
  return hash % d.timing.intervalMs
}

/** The probe's first slot after `t`. */
export function nextSlot(d: ProbeDefinition, t: number): number {
  const { intervalMs } = d.timing
  const offset = offsetOf(d)
  return Math.floor((t - offset) / intervalMs + 1) * intervalMs + offset
}
