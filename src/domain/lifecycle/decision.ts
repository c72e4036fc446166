// What a command decides: the events to append, or a refusal that says plainly why. Refusals
// carry the kind of failure, so that the API can answer 403 for a wrong person and 409 for a
// wrong moment without reading the sentence.
import type { LifecycleEvent } from './events.ts'
import type { Edition, LifecycleState } from './replay.ts'
import type { ActorFacts } from './roles.ts'
import {
  type Act,
  describeState,
  type EditionState,
  LIVE_STATES,
  nextState,
  OPEN_STATES,
  PENDING_STATES,
} from './states.ts'

export type Refusal = { ok: false; code: 'forbidden' | 'conflict' | 'invalid_input'; reason: string }
export type Decision = { ok: true; events: LifecycleEvent[] } | Refusal

export type CommandContext = {
  actor: ActorFacts
  /** The agreement's customer organisation: its users negotiate for the customer. */
  customerId: string
  now: number
}

export function refuse(code: Refusal['code'], reason: string): Refusal {
  return { ok: false, code, reason }
}

export function accept(...events: LifecycleEvent[]): Decision {
  return { ok: true, events }
}

/** The edition still being worked on (before signature), if there is one. */
export function openEdition(state: LifecycleState): Edition | undefined {
  return state.editions.find((e) => OPEN_STATES.includes(e.state))
}

/** The edition signed and waiting for its effective date, if there is one. */
export function pendingEdition(state: LifecycleState): Edition | undefined {
  return state.editions.find((e) => PENDING_STATES.includes(e.state))
}

/** The edition in force, if there is one. */
export function liveEdition(state: LifecycleState): Edition | undefined {
  return state.editions.find((e) => LIVE_STATES.includes(e.state))
}

/** The edition being worked on, else the one about to take effect, else the one in force, else the last. */
export function currentEdition(state: LifecycleState): Edition | undefined {
  return openEdition(state) ?? pendingEdition(state) ?? liveEdition(state) ?? state.editions.at(-1)
}

/** The open edition, or a refusal that says there is none and how to start one. */
export function requireOpen(state: LifecycleState): Edition | Refusal {
  const edition = openEdition(state)
  if (edition !== undefined) return edition
  const latest = state.editions.at(-1)
  const now =
    latest === undefined
      ? 'has no revision yet'
      : `has no edition before signature (edition ${latest.edition} is ${describeState(latest.state)})`
  return refuse('conflict', `agreement "${state.agreement}" ${now}; a draft revision starts a new edition`)
}

/** Where `act` moves the edition, or a refusal naming its state and the states the act needs. */
export function moveOf(edition: Edition, act: Act, verb: string): EditionState | Refusal {
  const to = nextState(edition.state, act)
  if (to !== undefined) return to
  return refuse('conflict', `edition ${edition.edition} is ${describeState(edition.state)}: ${verb}`)
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false
}

/** The first 12 characters of a hash: enough to tell revisions apart in a sentence. */
export function short(hash: string): string {
  return hash.slice(0, 12)
}

/**
 * Approvals and signatures bind to the content they were given: a hash that is not the current
 * revision's is refused, with what changed since.
 */
export function requireCurrentHash(edition: Edition, given: string, what: string): Refusal | undefined {
  if (given === edition.contentHash) return undefined
  return refuse(
    'conflict',
    `this ${what} is bound to content ${short(given)}, but edition ${edition.edition} is now revision ` +
      `${edition.revision} (${short(edition.contentHash)}): the agreement changed since, and approvals and ` +
      'signatures hold only for the content they were given; read the current revision and use its hash',
  )
}
