// The worker: fires due timers in batches until none is due, then sleeps until the next one
// is due or the poll interval has passed (a timer armed meanwhile by another process is seen
// within one interval). Several workers, in one process or many, share the work through the
// claim's SKIP LOCKED. `now` comes from the deps, so tests drive it with a fake clock.
import type { Deps } from '../actions/deps.ts'
import { DEFAULT_TOLERANCE_MS, fireDueTimers, type TimerFiring } from '../actions/fire-timers.ts'
import { nextArmedDueAt } from '../storage/timers.ts'

export type WorkerOptions = {
  /** Names this worker in the firing records. */
  name: string
  batchSize?: number
  pollMs?: number
  toleranceMs?: number
  log?: (line: string) => void
  /** Told of each batch fired (tests and metrics). */
  onBatch?: (firings: TimerFiring[]) => void
}

export type Worker = {
  /** Finishes the batch in hand, then stops; resolves once the loop has ended. */
  stop(): Promise<void>
  /** How many timers this worker has fired. */
  fired(): number
}

export function startWorker(deps: Deps, options: WorkerOptions): Worker {
  const limit = options.batchSize ?? 100
  const pollMs = options.pollMs ?? 1_000
  const fire = { limit, toleranceMs: options.toleranceMs ?? DEFAULT_TOLERANCE_MS, worker: options.name }
  let stopping = false
  let fired = 0
  let wake: (() => void) | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve
      timer = setTimeout(resolve, ms)
    })

  const loop = async () => {
    while (!stopping) {
      try {
        const firings = await fireDueTimers(deps, fire)
        fired += firings.length
        if (firings.length > 0) options.onBatch?.(firings)
        if (firings.length === limit) continue
        const next = await nextArmedDueAt(deps.db)
        await sleep(next === null ? pollMs : Math.min(pollMs, Math.max(0, next.getTime() - deps.now())))
      } catch (error) {
        // A failed batch rolled back whole; its timers are still armed for the next round.
        options.log?.(`worker ${options.name}: ${error instanceof Error ? error.message : String(error)}`)
        await sleep(pollMs)
      }
    }
  }
  const done = loop()
  return {
    async stop() {
      stopping = true
      clearTimeout(timer)
      wake?.()
      await done
    },
    fired: () => fired,
  }
}
