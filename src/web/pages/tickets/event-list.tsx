// A ticket's events in order, each said as a sentence, with what a message says beneath it.
import { Time } from '../../components/time.tsx'
import type { StoredEvent } from './ticket-data.ts'
import { statusLabel } from './words.ts'

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)

function sentence(e: StoredEvent): { what: string; body?: string; note?: boolean } {
  switch (e.type) {
    case 'created': {
      const by = text(e.requester) ?? 'someone'
      const via = text(e.channel) ? ` by ${e.channel}` : ''
      const service = text(e.service) ? ` about ${e.service}` : ''
      return { what: `Raised${via} by ${by}${service}, severity ${e.severity}`, body: text(e.description) }
    }
    case 'message': {
      const who =
        text(e.by) ??
        (e.author === 'agent' ? 'An agent' : e.author === 'requester' ? 'The customer' : 'Upheld')
      if (e.automated)
        return { what: `Automatic reply sent${text(e.by) ? ` by ${e.by}` : ''}`, body: text(e.body) }
      if (e.public === false) return { what: `${who} added an internal note`, body: text(e.body), note: true }
      return {
        what:
          e.author === 'agent'
            ? `${who} replied`
            : e.author === 'requester'
              ? `${who} wrote`
              : `${who} sent a message`,
        body: text(e.body),
      }
    }
    case 'status':
      return { what: `Status set to ${statusLabel(String(e.status))}` }
    case 'severity':
      return { what: `Severity changed to ${e.severity}` }
    case 'assigned':
      return { what: `Assigned to ${e.agent}` }
    case 'satisfaction':
      return { what: `Rated ${e.rating} out of ${e.scale}`, body: text(e.comment) }
    default:
      return { what: e.type }
  }
}

export function EventList({ events }: { events: StoredEvent[] }) {
  return (
    <ol className="tk-events">
      {events.map((e) => {
        const s = sentence(e)
        return (
          <li key={e.id} className={s.note ? 'tk-note' : undefined}>
            <div className="tk-event-head">
              <span>{s.what}</span>
              <span className="muted small">
                <Time at={e.at} />
              </span>
            </div>
            {s.body && <p className="tk-body">{s.body}</p>}
          </li>
        )
      })}
    </ol>
  )
}
