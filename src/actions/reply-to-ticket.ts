// A message on a ticket from the web app: staff reply as the agent (public by default, or an
// internal note), customers write as the requester and always publicly. A public reply by
// staff is a qualifying response: it meets the first-response clock.
import { AppError } from '../domain/app-error.ts'
import { findUser } from '../storage/users.ts'
import { appendTicketEvent } from './append-ticket-event.ts'
import type { Actor, Deps } from './deps.ts'
import type { TicketDetail } from './get-ticket.ts'

export type NewMessage = { body: string; public?: boolean }

export async function replyToTicket(
  deps: Deps,
  actor: Actor,
  ticketId: string,
  message: NewMessage,
  customer?: string,
): Promise<TicketDetail> {
  const fromCustomer = actor.role === 'customer'
  if (fromCustomer && message.public === false) {
    throw new AppError('invalid_input', 'a message from a customer is always public', [
      { path: ['public'], message: 'leave it out, or give true' },
    ])
  }
  const body = message.body.trim()
  if (body === '')
    throw new AppError('invalid_input', 'the message is empty', [
      { path: ['body'], message: 'write something' },
    ])
  const user = await findUser(deps.db, actor.userId)
  return appendTicketEvent(
    deps,
    actor,
    ticketId,
    {
      type: 'message',
      author: fromCustomer ? 'requester' : 'agent',
      public: message.public ?? true,
      channel: 'portal',
      by: user?.email ?? actor.userId,
      body,
    },
    customer,
  )
}
