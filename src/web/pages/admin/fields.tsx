// Form fields with their label, hint and error side by side: the API's validation issues are
// shown beside the field they name (by the first segment of their path), the rest above the form.
import { type ReactNode, useId } from 'react'
import type { Issue } from '../../../domain/issues.ts'
import { ApiError } from '../../api.ts'

/** The API's issues by field name; `''` holds those that name no field of the form. */
export function issuesByField(error: unknown, fields: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  if (!(error instanceof ApiError)) return out
  for (const issue of error.details) {
    const first = issue.path[0]
    const key = typeof first === 'string' && fields.includes(first) ? first : ''
    const text = describe(issue)
    out.set(key, out.has(key) ? `${out.get(key)} ${text}` : text)
  }
  return out
}

function describe(issue: Issue): string {
  const message = issue.message.charAt(0).toUpperCase() + issue.message.slice(1)
  return `${message}${issue.hint ? ` (${issue.hint})` : ''}.`
}

/** The refusal as the API words it, with the issues no field shows. */
export function FormError({ error, unplaced }: { error: unknown; unplaced?: string }) {
  if (!error) return null
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  return (
    <div className="alert error" role="alert">
      <p>
        <strong>That did not work.</strong> {message}
      </p>
      {unplaced && <p>{unplaced}</p>}
    </div>
  )
}

/**
 * A labelled control: `children` receives the ids it must carry (`id`, and `aria-describedby`
 * pointing at the hint and the error) and whether it is invalid.
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string
  hint?: ReactNode
  error?: string
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode
}) {
  const id = useId()
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}

/** A button that asks once more before doing something that cannot be undone. */
export function ConfirmButton({
  label,
  confirm,
  onConfirm,
  busy,
  danger = true,
}: {
  label: string
  confirm: string
  onConfirm: () => void
  busy?: boolean
  danger?: boolean
}) {
  return (
    <details className="confirm">
      <summary className={danger ? 'button danger' : 'button'}>{label}</summary>
      <div className="confirm-body">
        <p>{confirm}</p>
        <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy} onClick={onConfirm}>
          {busy ? 'Working…' : `Yes, ${label.toLowerCase()}`}
        </button>
      </div>
    </details>
  )
}
