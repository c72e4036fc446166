// The problems of an agreement being written, as a list: a count that screen readers hear as
// it changes, and each problem a button that takes the editor to its line.

import type { Problem } from './validation.ts'
import { plural } from './words.tsx'

const SOURCE: Record<Problem['source'], string> = {
  schema: 'must be fixed before saving',
  lint: 'blocks submission',
  server: 'the server refused it',
}

export function problemCount(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.level === 'error').length
  const warnings = problems.length - errors
  if (problems.length === 0) return 'No problems found'
  return [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ')
}

/** With `onGoTo`, each problem names its line and takes the editor there; `compact` is the list alone. */
export function ProblemList({
  problems,
  checking = false,
  onGoTo,
  compact = false,
}: {
  problems: readonly Problem[]
  checking?: boolean
  onGoTo?(problem: Problem): void
  compact?: boolean
}) {
  const list = problems.length > 0 && (
    <ul className="ag-problem-list">
      {problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems repeat; their order is their identity
        <li key={i} className={`ag-problem ag-problem-${p.level}`}>
          {onGoTo && (
            <>
              <button type="button" className="link-button" onClick={() => onGoTo(p)}>
                Line {p.line}
              </button>{' '}
            </>
          )}
          <span className={`badge ${p.level === 'error' ? 'bad' : 'warn'}`}>
            {p.level === 'error' ? 'Error' : 'Warning'}
          </span>{' '}
          {p.path && <code>{p.path}</code>} {p.message}
          {p.hint && <span className="muted"> ({p.hint})</span>}
          <span className="muted small ag-problem-source">
            {p.rule ? `${p.rule} · ` : ''}
            {p.level === 'error' ? SOURCE[p.source] : p.source === 'lint' ? 'acknowledged on submission' : ''}
          </span>
        </li>
      ))}
    </ul>
  )
  if (compact) return list
  return (
    <section className="ag-problems" aria-labelledby="problems-title">
      <h2 id="problems-title">Problems</h2>
      <p className="ag-problem-count" aria-live="polite">
        {checking ? 'Checking…' : problemCount(problems)}
      </p>
      {list}
    </section>
  )
}
