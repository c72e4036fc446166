// The agreement's severities as choices: each with its definition in plain words, its examples,
// its targets and the hours they run on, and when the clocks would fall due if sent now. The
// suggestion from the questions is chosen until the customer picks one themselves.
import type { PlanAgreement, Preview, Severity } from './plan.ts'
import { targetsOf } from './plan.ts'
import { type Proposal, reasonsText } from './severity-proposal.ts'
import { TargetList } from './targets.tsx'
import { plainText } from './words.ts'

export function SeverityChoice({
  agreement,
  severities,
  proposal,
  chosen,
  picked,
  onPick,
  previews,
  error,
}: {
  agreement: PlanAgreement
  severities: Severity[]
  proposal: Proposal | null
  chosen: string | null
  picked: string | null
  onPick: (id: string | null) => void
  previews: ReadonlyMap<string, Preview | null>
  error: string | undefined
}) {
  const suggested = severities.find((s) => s.id === proposal?.severity)
  return (
    <fieldset className="portal-severities" aria-describedby="severity-suggestion">
      <legend>Severity</legend>
      <div id="severity-suggestion" className="portal-suggestion" role="status" aria-live="polite">
        {suggested && proposal ? (
          <p>
            Suggested: <strong>{`${suggested.id} ${suggested.name}`}</strong>, because{' '}
            {reasonsText(proposal.reasons)}.
            {picked && picked !== suggested.id && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => onPick(null)}>
                  Use the suggestion
                </button>
              </>
            )}
          </p>
        ) : (
          <p className="muted">
            Answer the questions above for a suggestion, or choose the severity that fits.
          </p>
        )}
      </div>
      {error && (
        <p id="severity-error" className="field-error">
          {error}
        </p>
      )}
      <div className="portal-severity-list">
        {severities.map((s, i) => {
          const preview = previews.get(s.id)
          const due = new Map((preview?.due ?? []).map((d) => [d.metric, d.at]))
          const id = `severity-${s.id}`
          return (
            // The whole card selects its severity; the radio inside is what keyboards and screen readers use.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the radio button inside takes the keyboard
            // biome-ignore lint/a11y/noStaticElementInteractions: a larger target for the radio inside
            <div
              key={s.id}
              className={`portal-severity${chosen === s.id ? ' selected' : ''}`}
              onClick={() => onPick(s.id)}
            >
              <div className="portal-severity-head">
                <input
                  type="radio"
                  name="severity"
                  id={i === 0 ? 'severity-first' : id}
                  value={s.id}
                  checked={chosen === s.id}
                  onChange={() => onPick(s.id)}
                  aria-describedby={error ? `${id}-about severity-error` : `${id}-about`}
                  aria-invalid={error ? true : undefined}
                />
                <label htmlFor={i === 0 ? 'severity-first' : id}>
                  {s.id} · {s.name}
                </label>
                {proposal?.severity === s.id && <span className="badge ok">Suggested</span>}
              </div>
              <div id={`${id}-about`} className="portal-severity-about">
                <p>{plainText(s.definition)}</p>
                {s.examples && s.examples.length > 0 && (
                  <p className="muted small">For example: {s.examples.join('; ')}.</p>
                )}
                <TargetList targets={targetsOf(agreement, s.id)} due={due} className="small" />
              </div>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
