// Recomputing a frozen report: made again from today's data as a new revision, with a reason that
// is kept with who asked; the figures that changed are listed.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { post } from '../../api.ts'
import { Field, FormError, issuesByField } from '../admin/fields.tsx'
import { type Frozen, reportKey } from './report-data.ts'

type Recomputation = {
  before: Frozen | null
  after: Frozen
  changes: { path: string; before: unknown; after: unknown }[]
}

export function Recompute({
  agreement,
  period,
  frozen,
}: {
  agreement: string
  period: string
  frozen: Frozen
}) {
  const client = useQueryClient()
  const [open, setOpen] = useState(frozen.late_events > 0)
  const [reason, setReason] = useState('')
  const run = useMutation({
    mutationFn: () =>
      post<Recomputation>(`/api/agreements/${encodeURIComponent(agreement)}/reports/${period}/recompute`, {
        reason: reason.trim(),
      }),
    onSuccess: async () => {
      setReason('')
      setOpen(false)
      await client.invalidateQueries({ queryKey: reportKey(agreement, period) })
    },
  })
  const errors = issuesByField(run.error, ['reason'])
  const [missing, setMissing] = useState(false)
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (reason.trim() === '') {
      setMissing(true)
      return
    }
    setMissing(false)
    run.mutate()
  }
  const result = run.data
  return (
    <section className="card recompute" aria-labelledby="recompute-title">
      <h2 id="recompute-title">Recompute this report</h2>
      <p>
        A frozen report does not change by itself. Recomputing makes it again from today’s data as revision{' '}
        {frozen.revision + 1}; revision {frozen.revision} stays on record, and your name and reason are kept
        with it.
      </p>
      <div aria-live="polite">
        {result && (
          <div className="alert success">
            <p>
              <strong>Revision {result.after.revision} stored.</strong>{' '}
              {result.changes.length === 0
                ? 'No figure changed.'
                : `${result.changes.length} figure${result.changes.length === 1 ? '' : 's'} changed:`}
            </p>
            {result.changes.length > 0 && (
              <ul className="changes">
                {result.changes.slice(0, 12).map((c) => (
                  <li key={c.path}>
                    <code>{c.path}</code>: {show(c.before)} → {show(c.after)}
                  </li>
                ))}
                {result.changes.length > 12 && (
                  <li>and {result.changes.length - 12} more: download the JSON for every figure</li>
                )}
              </ul>
            )}
          </div>
        )}
      </div>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Recompute…
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          {run.isError && !errors.has('reason') && <FormError error={run.error} unplaced={errors.get('')} />}
          <Field
            label="Why it is made again"
            hint="Required; kept in the report's history, e.g. “late events from the helpdesk import of 3 Nov”."
            error={missing ? 'Say why the frozen report is made again.' : errors.get('reason')}
          >
            {(props) => (
              <textarea
                {...props}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={2000}
                required
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={run.isPending}>
              {run.isPending ? 'Recomputing…' : 'Recompute the report'}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}
