// The worker: two loops over the database. One fires due timers in batches (and enqueues their
// notifications in the same transaction); the other delivers due notifications from the
// outbox. Each works until nothing is due, then sleeps until the next thing is due or the
// poll interval has passed (work added meanwhile by another process is seen within one
// interval); a timer batch that enqueued notifications wakes the delivery loop at once.
// Several workers, in one process or many, share the work through SKIP LOCKED claims. `now`
// comes from the deps, so tests drive it with a fake clock.
import type { Deps } from '../actions/deps.ts'
import { DEFAULT_TOLERANCE_MS, fireDueTimers, type TimerFiring } from '../actions/fire-timers.ts'
import { nextPendingAt } from '../storage/notifications.ts'
import { nextArmedDueAt } from '../storage/timers.ts'
import { type DeliveryDeps, type DeliveryPolicy, deliverDue } from './deliver-notifications.ts'

export type WorkerOptions = {
  /** Names this worker in the firing records. */
  name: string
  batchSize?: number
  pollMs?: number
  toleranceMs?: number
  /** Where the web app is served, for the links in notifications. */
  baseUrl?: string
  /** How notifications are delivered; false runs no delivery loop. */
  delivery?:
    | false
    | { send?: DeliveryDeps['send']; timeoutMs?: number; policy?: DeliveryPolicy; batchSize?: number }
  log?: (line: string) => void
  /** Told of each batch fired (tests and metrics). */
  onBatch?: (firings: TimerFiring[]) => void
}

export type Worker = {
  /** Finishes the batches in hand, then stops; resolves once the loops have ended. */
  stop(): Promise<void>
  /** How many timers this worker has fired. */
  fired(): number
  /** How many notifications this worker has delivered. */
  delivered(): number
}

/** One round of a loop: whether there may be more right away, else when the next is due. */
type Round = { more: boolean; nextAt: Date | null }
type Loop = { done: Promise<void>; wake(): void; stop(): void }

export function startWorker(deps: Deps, options: WorkerOptions): Worker {
  const limit = options.batchSize ?? 100
  const pollMs = options.pollMs ?? 1_000
  const log = (error: unknown) =>
    options.log?.(`worker ${options.name}: ${error instanceof Error ? error.message : String(error)}`)
  const fire = {
    limit,
    toleranceMs: options.toleranceMs ?? DEFAULT_TOLERANCE_MS,
    worker: options.name,
    baseUrl: options.baseUrl,
  }
  let fired = 0
  let delivered = 0
  const delivery = options.delivery === false ? null : (options.delivery ?? {})
  const deliveryLoop = delivery
    ? startLoop(deps, pollMs, log, async () => {
        const deliveryLimit = delivery.batchSize ?? 50
        const report = await deliverDue(
          { db: deps.db, send: delivery.send, timeoutMs: delivery.timeoutMs },
          { now: deps.now(), limit: deliveryLimit, policy: delivery.policy },
        )
        delivered += report.delivered
        return { more: report.claimed === deliveryLimit, nextAt: await nextPendingAt(deps.db) }
      })
    : null
  const timerLoop = startLoop(deps, pollMs, log, async () => {
    const firings = await fireDueTimers(deps, fire)
    fired += firings.length
    if (firings.length > 0) {
      options.onBatch?.(firings)
      deliveryLoop?.wake()
    }
    return { more: firings.length === limit, nextAt: await nextArmedDueAt(deps.db) }
  })
  return {
    async stop() {
      timerLoop.stop()
      deliveryLoop?.stop()
      await Promise.all([timerLoop.done, deliveryLoop?.done])
    },
    fired: () => fired,
    delivered: () => delivered,
  }
}

function startLoop(
  deps: Deps,
  pollMs: number,
  log: (error: unknown) => void,
  round: () => Promise<Round>,
): Loop {
  let stopping = false
  let woken = false
  let wake: (() => void) | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve()
      wake = resolve
      timer = setTimeout(resolve, ms)
    })
  const done = (async () => {
    while (!stopping) {
      woken = false
      try {
        const { more, nextAt } = await round()
        if (more) continue
        await sleep(nextAt === null ? pollMs : Math.min(pollMs, Math.max(0, nextAt.getTime() - deps.now())))
      } catch (error) {
        // A failed round rolled back whole; what it held is still due for the next round.
        log(error)
        await sleep(pollMs)
      }
    }
  })()
  const interrupt = () => {
    woken = true
    clearTimeout(timer)
    wake?.()
  }
  return {
    done,
    wake: interrupt,
    stop() {
      stopping = true
      interrupt()
    },
  }
}
