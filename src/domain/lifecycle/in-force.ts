// After signature: distribution, taking effect (and superseding the edition before), the
// periodic review, expiry and termination. The moves that follow from the calendar are decided
// by `advance`, which the worker runs every day and signing runs at once.
import { formatLocalDate, parseLocalDate } from '../local-date.ts'
import { addPeriod } from '../period.ts'
import { DAY } from '../time-zone.ts'
import {
  accept,
  type CommandContext,
  type Decision,
  isRefusal,
  liveEdition,
  moveOf,
  pendingEdition,
  refuse,
} from './decision.ts'
import type { LifecycleEvent } from './events.ts'
import { applyEvent, type Edition, type LifecycleState } from './replay.ts'
import { isStaff } from './roles.ts'

export type DistributionInput = {
  recipients: readonly string[]
  documentSha256?: string
  /** The distribution's own record, kept by whoever sent it. */
  distributionId?: string
  /** The agreement version sent; by default the edition signed last. */
  version?: number
}

/** Records that the signed agreement was sent out; the first distribution moves it to distributed. */
export function recordDistribution(
  state: LifecycleState,
  ctx: CommandContext,
  input: DistributionInput,
): Decision {
  if (!isStaff(ctx.actor)) return refuse('forbidden', "only the provider's staff distribute an agreement")
  if (input.recipients.length === 0) return refuse('invalid_input', 'a distribution names its recipients')
  const edition =
    input.version === undefined
      ? (pendingEdition(state) ?? liveEdition(state))
      : state.editions.find((e) => e.version === input.version)
  if (edition === undefined) {
    const which =
      input.version === undefined ? 'no signed edition' : `no edition signed as version ${input.version}`
    return refuse('conflict', `agreement "${state.agreement}" has ${which} to distribute`)
  }
  const to = moveOf(edition, 'distribute', 'only an agreement signed and not yet ended is distributed')
  if (isRefusal(to)) return to
  const { documentSha256, distributionId } = input
  return accept({
    type: 'distribution.recorded',
    payload: {
      edition: edition.edition,
      from: edition.state,
      to,
      recipients: [...input.recipients],
      ...(documentSha256 === undefined ? {} : { documentSha256 }),
      ...(distributionId === undefined ? {} : { distributionId }),
    },
  })
}

/** The review found nothing to change: the edition stays in force until its next review. */
export function confirmReview(state: LifecycleState, ctx: CommandContext, note?: string): Decision {
  if (!isStaff(ctx.actor)) return refuse('forbidden', "only the provider's staff confirm a review")
  const edition = liveEdition(state)
  if (edition === undefined) return refuse('conflict', `agreement "${state.agreement}" is not in force`)
  const to = moveOf(edition, 'confirm_review', 'a review is confirmed once it is due')
  if (isRefusal(to)) return to
  const nextDue = nextReview(edition, ctx.now)
  return accept({
    type: 'review.confirmed',
    payload: {
      edition: edition.edition,
      from: edition.state,
      to,
      ...(nextDue === undefined ? {} : { nextDue }),
      ...(note === undefined ? {} : { note }),
    },
  })
}

export function terminate(state: LifecycleState, ctx: CommandContext, reason: string): Decision {
  if (ctx.actor.role !== 'admin') return refuse('forbidden', 'only an admin terminates an agreement in force')
  if (reason.trim() === '') return refuse('invalid_input', 'say why the agreement is terminated (a reason)')
  const edition = liveEdition(state)
  if (edition === undefined) return refuse('conflict', `agreement "${state.agreement}" is not in force`)
  const to = moveOf(edition, 'terminate', 'only an agreement in force is terminated')
  if (isRefusal(to)) return to
  return accept({
    type: 'edition.terminated',
    payload: { edition: edition.edition, from: edition.state, to, reason: reason.trim() },
  })
}

/** Every move the calendar has made due by `now`: taking effect, superseding, review, expiry. */
export function advance(state: LifecycleState, now: number): LifecycleEvent[] {
  const scratch = structuredClone(state)
  const events: LifecycleEvent[] = []
  const meta = {
    seq: 0,
    actor: { user: 'system', role: 'system', organisation: 'system', authMethod: 'system' },
    at: '',
  }
  // Each step sees the one before: an edition may take effect and expire in the same run.
  for (let step = dueEvents(scratch, now); step.length > 0; step = dueEvents(scratch, now)) {
    for (const event of step) applyEvent(scratch, event, meta)
    events.push(...step)
  }
  return events
}

function dueEvents(state: LifecycleState, now: number): LifecycleEvent[] {
  const pending = pendingEdition(state)
  const live = liveEdition(state)
  if (pending?.effectiveAt !== undefined && Date.parse(pending.effectiveAt) <= now) {
    return takeEffect(pending, live)
  }
  if (live === undefined) return []
  const end = parseLocalDate(live.term.effectiveTo ?? '')
  if (end !== null && (end + 1) * DAY <= now) {
    return [
      { type: 'edition.expired', payload: { ...from(live, 'expired'), effectiveTo: live.term.effectiveTo! } },
    ]
  }
  const due = parseLocalDate(live.reviewDue ?? '')
  if (live.state === 'in_force' && due !== null && due * DAY <= now) {
    return [{ type: 'review.due', payload: { ...from(live, 'review_due'), due: live.reviewDue! } }]
  }
  return []
}

function takeEffect(pending: Edition, live: Edition | undefined): LifecycleEvent[] {
  const effectiveAt = pending.effectiveAt!
  const reviewDue = firstReview(pending, effectiveAt)
  const inForce: LifecycleEvent = {
    type: 'edition.in_force',
    payload: {
      ...from(pending, 'in_force'),
      effectiveAt,
      ...(live === undefined ? {} : { supersedes: live.edition }),
      ...(reviewDue === undefined ? {} : { reviewDue }),
    },
  }
  if (live === undefined) return [inForce]
  return [
    inForce,
    { type: 'edition.superseded', payload: { ...from(live, 'superseded'), by: pending.edition } },
  ]
}

function from(edition: Edition, to: Edition['state']) {
  return { edition: edition.edition, from: edition.state, to }
}

// The first review: the date the term names, else one cadence after the edition took effect.
function firstReview(edition: Edition, effectiveAt: string): string | undefined {
  const { reviewNext, reviewEvery } = edition.term
  if (reviewNext !== undefined) return reviewNext
  if (reviewEvery === undefined) return undefined
  return addPeriod(effectiveAt.slice(0, 10), reviewEvery)
}

// The next review keeps the cadence from the date that was due, skipping dates already past.
function nextReview(edition: Edition, now: number): string | undefined {
  const every = edition.term.reviewEvery
  if (every === undefined || edition.reviewDue === undefined) return undefined
  const today = formatLocalDate(Math.floor(now / DAY))
  let next = addPeriod(edition.reviewDue, every)
  while (next <= today) next = addPeriod(next, every)
  return next
}
