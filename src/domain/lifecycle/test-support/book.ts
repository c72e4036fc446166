// A lifecycle kept in memory for domain tests: commands are decided on its state, and what
// they decide is applied as the actions would append it.
import assert from 'node:assert/strict'
import type { Agreement } from '../../agreement/schema.ts'
import type { CommandContext, Decision, Refusal } from '../decision.ts'
import type { LifecycleEvent } from '../events.ts'
import { saveRevision } from '../negotiation.ts'
import { applyEvent, emptyLifecycle, type LifecycleState } from '../replay.ts'
import { readRevision } from '../revision.ts'
import type { ActorFacts } from '../roles.ts'

const SYSTEM = { user: 'system', role: 'system', organisation: 'system', authMethod: 'system' }

export type Book = {
  state: LifecycleState
  now: number
  ctx(actor: ActorFacts): CommandContext
  /** Decides as `actor`, expects acceptance, applies the events and returns them. */
  act(actor: ActorFacts, decide: (state: LifecycleState, ctx: CommandContext) => Decision): LifecycleEvent[]
  /** Decides as `actor` and expects a refusal, which it returns. */
  refusal(actor: ActorFacts, decide: (state: LifecycleState, ctx: CommandContext) => Decision): Refusal
  revise(actor: ActorFacts, agreement: Agreement): LifecycleEvent[]
  apply(events: readonly LifecycleEvent[], actor?: ActorFacts): void
}

export function openBook(now = Date.parse('2025-12-01T09:00:00Z'), agreement = 'acme-helpdesk'): Book {
  let seq = 0
  const book: Book = {
    state: emptyLifecycle(agreement),
    now,
    ctx: (actor) => ({ actor, customerId: 'acme', now: book.now }),
    act(actor, decide) {
      const decision = decide(book.state, book.ctx(actor))
      assert.ok(decision.ok, decision.ok ? '' : decision.reason)
      book.apply(decision.events, actor)
      return decision.events
    },
    refusal(actor, decide) {
      const decision = decide(book.state, book.ctx(actor))
      assert.equal(decision.ok, false, 'expected a refusal')
      return decision as Refusal
    },
    revise: (actor, agreement) => book.act(actor, (s, c) => saveRevision(s, c, readRevision(agreement))),
    apply(events, actor) {
      const at = new Date(book.now).toISOString()
      const who =
        actor === undefined
          ? SYSTEM
          : {
              user: actor.userId,
              role: actor.role,
              organisation: actor.organisationId,
              authMethod: actor.authMethod,
            }
      for (const event of events) applyEvent(book.state, event, { seq: ++seq, actor: who, at })
    },
  }
  return book
}
