// Writing on a ticket: staff reply publicly (which answers the customer and meets the response
// clocks) or keep an internal note, and move the ticket's status on; customers add a message.
import { type FormEvent, useEffect, useId, useState } from 'react'
import { ApiError } from '../../api.ts'
import { ErrorView } from '../../components/states.tsx'
import { type TicketDetail, useTicketWrite } from './ticket-data.ts'
import { STATUS_CHOICES, statusLabel } from './words.ts'

type Props = { ticket: TicketDetail; customer?: string }

function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  return error.details.find((d) => d.path[0] === field)?.message
}

export function ReplyForm({ ticket, customer, staff }: Props & { staff: boolean }) {
  const id = useId()
  const [body, setBody] = useState('')
  const [internal, setInternal] = useState(false)
  const [sent, setSent] = useState<string | null>(null)
  const write = useTicketWrite<{ body: string; public?: boolean }>(ticket.id, '/messages', customer)
  const bodyError = fieldError(write.error, 'body')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setSent(null)
    try {
      await write.mutateAsync(staff ? { body, public: !internal } : { body })
      setBody('')
      setSent(internal ? 'Note added.' : staff ? 'Reply sent.' : 'Message sent.')
    } catch {
      // Shown below from write.error.
    }
  }
  const label = staff ? (internal ? 'Internal note' : 'Reply to the customer') : 'Add a message'
  return (
    <form onSubmit={submit} className="tk-reply" noValidate>
      <label htmlFor={`${id}-body`}>{label}</label>
      {staff && (
        <p className="hint" id={`${id}-hint`}>
          {internal
            ? 'Only staff see internal notes; they do not count as a response.'
            : 'The customer sees your reply. A reply answers the first-response and next-response clocks.'}
        </p>
      )}
      <textarea
        id={`${id}-body`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={
          [staff ? `${id}-hint` : '', bodyError ? `${id}-error` : ''].join(' ').trim() || undefined
        }
        required
      />
      {bodyError && (
        <p className="field-error" id={`${id}-error`}>
          {bodyError}
        </p>
      )}
      {staff && (
        <label className="tk-check">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />{' '}
          Internal note (the customer does not see it)
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={write.isPending || body.trim() === ''}>
          {write.isPending ? 'Sending…' : internal ? 'Add note' : staff ? 'Send reply' : 'Send message'}
        </button>
      </div>
      <div aria-live="polite">{sent && <p className="alert success">{sent}</p>}</div>
      {write.isError && !bodyError && <ErrorView error={write.error} />}
    </form>
  )
}

export function StatusForm({ ticket, customer }: Props) {
  const id = useId()
  const [status, setStatus] = useState(ticket.status)
  const [done, setDone] = useState<string | null>(null)
  useEffect(() => setStatus(ticket.status), [ticket.status])
  const write = useTicketWrite<{ status: string }>(ticket.id, '/status', customer)
  const choices = STATUS_CHOICES.includes(ticket.status) ? STATUS_CHOICES : [ticket.status, ...STATUS_CHOICES]
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setDone(null)
    try {
      const after = await write.mutateAsync({ status })
      setDone(`Status set to ${statusLabel(after.status)}.`)
    } catch {
      // Shown below from write.error.
    }
  }
  return (
    <form onSubmit={submit} className="tk-status-form">
      <div>
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
          {choices.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={write.isPending || status === ticket.status}>
        {write.isPending ? 'Changing…' : 'Change status'}
      </button>
      <div aria-live="polite" className="tk-status-done">
        {done && <p className="alert success">{done}</p>}
      </div>
      {write.isError && <ErrorView error={write.error} />}
    </form>
  )
}
