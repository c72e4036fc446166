// The negotiation, section by section: whether each party agreed to its current content (an
// edit of a section resets it), agreeing or reopening for your party, and each section's
// comments.
import { type FormEvent, Fragment, useState } from 'react'
import { Time } from '../../components/time.tsx'
import { type Acts, type CurrentEdition, type Lifecycle, type SectionRow, useAct } from './agreement-data.ts'
import { Comments } from './comments.tsx'
import { plural, sectionName } from './words.tsx'

type Mark = SectionRow['provider']
type Open = { section: string; what: 'comments' | 'reopen' } | null

export function SectionsTable({
  id,
  current,
  lifecycle,
  acts,
}: {
  id: string
  current: CurrentEdition
  lifecycle: Lifecycle
  acts: Acts
}) {
  const [open, setOpen] = useState<Open>(null)
  const act = useAct(id)
  const party = acts.party
  const negotiating = current.state === 'negotiation' && party !== null
  const agreed = current.sections.filter((s) => s.agreed).length
  const toggle = (section: string, what: 'comments' | 'reopen') =>
    setOpen(open?.section === section && open.what === what ? null : { section, what })
  const comment = acts.acts.find((a) => a.act === 'comment')
  // Once the negotiation is over, the sections are its record: kept, but folded away.
  const settled =
    current.state !== 'negotiation' && current.state !== 'draft' && agreed === current.sections.length
  const table = (
    <div className="table-wrap">
      <table className="ag-sections ag-table">
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Provider</th>
            <th scope="col">Customer</th>
            <th scope="col">
              <span className="ag-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {current.sections.map((s) => {
            const count = lifecycle.comments.filter((c) => c.section === s.section).length
            const mine = party === null ? null : s[party]
            const expanded = open?.section === s.section
            return (
              <Fragment key={s.section}>
                <tr className={s.agreed ? '' : 'ag-section-open'}>
                  <th scope="row">
                    {sectionName(s.section)}
                    <span className="muted small mono ag-section-key">{s.section}</span>
                    {!s.present && <span className="badge neutral">removed</span>}
                  </th>
                  <td>
                    <MarkCell mark={s.provider} />
                  </td>
                  <td>
                    <MarkCell mark={s.customer} />
                  </td>
                  <td className="ag-section-actions">
                    {negotiating && mine?.status !== 'agreed' && (
                      <button
                        type="button"
                        disabled={act.isPending}
                        onClick={() =>
                          act.mutate({ path: 'sections/agree', body: { sections: [s.section] } })
                        }
                      >
                        Agree<span className="ag-visually-hidden"> to {sectionName(s.section)}</span>
                      </button>
                    )}
                    {negotiating && mine?.status !== 'pending' && (
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={expanded && open.what === 'reopen'}
                        onClick={() => toggle(s.section, 'reopen')}
                      >
                        Reopen<span className="ag-visually-hidden"> {sectionName(s.section)}</span>
                      </button>
                    )}
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={expanded && open.what === 'comments'}
                      onClick={() => toggle(s.section, 'comments')}
                    >
                      {count > 0 ? plural(count, 'comment') : 'Comments'}
                      <span className="ag-visually-hidden"> on {sectionName(s.section)}</span>
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr className="ag-section-detail">
                    <td colSpan={4}>
                      {open.what === 'comments' ? (
                        <Comments
                          id={id}
                          comments={lifecycle.comments}
                          section={s.section}
                          canComment={comment?.allowed ?? false}
                          refusal={comment?.reason}
                        />
                      ) : (
                        <ReopenForm
                          section={s.section}
                          busy={act.isPending}
                          onCancel={() => setOpen(null)}
                          onReopen={(reason) =>
                            act.mutate(
                              { path: 'sections/reopen', body: { sections: [s.section], ...reason } },
                              { onSuccess: () => setOpen(null) },
                            )
                          }
                        />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </div>
  )
  return (
    <section aria-labelledby="sections-title">
      <h2 id="sections-title">Sections</h2>
      <p className="muted">
        {plural(agreed, 'section')} of {current.sections.length} agreed by both parties. A party’s agreement
        holds for the content it agreed to: a revision that changes a section asks both again.
      </p>
      {act.isError && (
        <div className="alert error" role="alert">
          <p>{act.error.message}</p>
        </div>
      )}
      {settled ? (
        <details className="ag-settled">
          <summary>Show every section, who agreed and when, and their comments</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </section>
  )
}

function MarkCell({ mark }: { mark: Mark }) {
  if (mark === null) return <span className="muted">Not yet</span>
  const who = mark.name ?? mark.user
  return (
    <span className="ag-mark">
      <span className={`badge ${mark.status === 'agreed' ? 'ok' : 'warn'}`}>
        {mark.status === 'agreed' ? 'Agreed' : 'Reopened'}
      </span>{' '}
      <span className="small">
        {who}, <Time at={mark.at} />
      </span>
      {mark.reason && <span className="ag-mark-reason small">“{mark.reason}”</span>}
    </span>
  )
}

function ReopenForm({
  section,
  busy,
  onCancel,
  onReopen,
}: {
  section: string
  busy: boolean
  onCancel(): void
  onReopen(reason: { reason?: string }): void
}) {
  const [reason, setReason] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onReopen(reason.trim() === '' ? {} : { reason: reason.trim() })
  }
  return (
    <form onSubmit={submit} className="ag-reopen">
      <label htmlFor={`reopen-${section}`}>
        Why reopen {sectionName(section)}? <span className="muted">(optional)</span>
      </label>
      <textarea id={`reopen-${section}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Reopen: pending further negotiation
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
