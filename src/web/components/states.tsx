// What a page shows while it loads, when it fails, and when there is nothing yet: each says
// what is happening and, when empty, what to do next.
import type { ReactNode } from 'react'
import { ApiError } from '../api.ts'

/** The API words its messages for logs and terminals ("the email or password is wrong"); a page shows them as sentences. */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1)
  return /[.!?)]$/.test(text) ? text : `${text}.`
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  )
}

export function ErrorView({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof Error ? error.message : String(error)
  const details = error instanceof ApiError ? error.details : []
  return (
    <div className="alert error" role="alert">
      <p>
        <strong>
          {error instanceof ApiError && error.status === 404 ? 'Not found.' : 'That did not work.'}
        </strong>{' '}
        {sentence(message)}
      </p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={`${d.path.join('.')}:${d.message}`}>
              {d.path.length > 0 && <code>{d.path.join('.')}</code>} {d.message}
              {d.hint && <span className="muted"> ({d.hint})</span>}
            </li>
          ))}
        </ul>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  )
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-next">{children}</div>}
    </div>
  )
}
