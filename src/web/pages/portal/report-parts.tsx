// Pieces of the report form: what is needed (a problem, assistance, a feature), a labelled field with its hint and error, the due times of the
// chosen severity, and the words of the send button.
import type { ReactNode } from 'react'
import { Time } from '../../components/time.tsx'
import type { TargetLine } from './plan.ts'
import type { RequestKind } from './severity-proposal.ts'
import { promiseWords } from './targets.tsx'
import { metricLabel } from './words.ts'

const KINDS: { value: RequestKind; label: string; hint: string }[] = [
  { value: 'problem', label: 'Report a problem', hint: 'Something is broken, down or wrong' },
  { value: 'assistance', label: 'Ask for assistance', hint: 'A question, or help to get something done' },
  { value: 'feature', label: 'Request a feature', hint: 'Something you would like the service to do' },
]

/** The kind named in the address (`?kind=assistance`), if it is one. */
export function kindOf(text: string | null): RequestKind | undefined {
  return KINDS.find((k) => k.value === text)?.value
}

export function KindChoice({ kind, onChange }: { kind: RequestKind; onChange: (kind: RequestKind) => void }) {
  return (
    <fieldset className="portal-kinds">
      <legend>What do you need?</legend>
      {KINDS.map((k) => (
        <label key={k.value} className={`portal-kind${kind === k.value ? ' selected' : ''}`}>
          <input
            type="radio"
            name="kind"
            value={k.value}
            checked={kind === k.value}
            onChange={() => onChange(k.value)}
          />
          <span className="portal-kind-text">
            <span className="portal-kind-label">{k.label}</span>
            <span className="hint">{k.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}

/** Each target of the chosen severity: when it falls due if sent now, and the promise behind it. */
export function DueList({
  targets,
  due,
}: {
  targets: TargetLine[]
  due: ReadonlyMap<string, number | null> | null
}) {
  if (targets.length === 0)
    return (
      <p className="muted small">The agreement sets no response or resolution target for this severity.</p>
    )
  return (
    <dl className="portal-due-list" aria-live="polite">
      {targets.map((t) => {
        const at = due?.get(t.metric)
        return (
          <div key={t.metric}>
            <dt>{metricLabel(t.metric)}</dt>
            <dd>
              {at != null && !t.every && (
                <strong className="portal-due">
                  by <Time at={at} zone={t.calendar.timezone} />
                </strong>
              )}
              <span className="small muted">{promiseWords(t)}</span>
            </dd>
          </div>
        )
      })}
    </dl>
  )
}

export function sendLabel(kind: RequestKind): string {
  return kind === 'problem'
    ? 'Send the report'
    : kind === 'assistance'
      ? 'Send the question'
      : 'Send the request'
}

export function severityName(severities: { id: string; name: string }[], id: string): string {
  const s = severities.find((x) => x.id === id)
  return s ? `${s.id} ${s.name}` : id
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  children: ReactNode
}) {
  return (
    <div className="portal-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
