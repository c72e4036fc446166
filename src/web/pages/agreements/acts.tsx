// What the signed-in person may do to the agreement now: each act they may take as a button
// (with what it needs: a reason, a note, the warnings acknowledged), and each they may not
// with the reason the server gives, which is the reason the act itself would refuse with.
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { Link } from 'react-router'
import { describeState } from '../../../domain/lifecycle/states.ts'
import { post } from '../../api.ts'
import { useUser } from '../../session.tsx'
import {
  type ActName,
  type ActResult,
  type Acts,
  type CurrentEdition,
  useAct,
  useRefreshAgreement,
} from './agreement-data.ts'
import { ACT_LABELS, eventName, plural, sectionName } from './words.tsx'

// Acts done at once; the others open a small form first.
const AT_ONCE: ActName[] = ['negotiate', 'agree', 'distribute']
const DANGER: ActName[] = ['reject', 'withdraw', 'terminate']
// The step that moves the agreement on, when it is open to you, is the one button that stands out.
const NEXT: ActName[] = ['sign', 'approve', 'submit', 'negotiate', 'agree', 'confirm_review', 'distribute']

type Outcome = { ok: true; text: string } | { ok: false; text: string }

export function ActsPanel({
  id,
  acts,
  current,
  onComment,
}: {
  id: string
  acts: Acts
  current: CurrentEdition | null
  onComment(): void
}) {
  const [open, setOpen] = useState<ActName | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const act = useAct(id)
  const refresh = useRefreshAgreement(id)
  const allowed = acts.acts.filter((a) => a.allowed)
  // Acts refused for the same reason are listed together, the reason said once.
  const refused = new Map<string, ActName[]>()
  for (const a of acts.acts)
    if (!a.allowed) refused.set(a.reason ?? '', [...(refused.get(a.reason ?? '') ?? []), a.act])
  const next = NEXT.find((name) => allowed.some((a) => a.act === name))

  const run = async (name: ActName, path: string, body?: unknown) => {
    setOutcome(null)
    try {
      const result =
        name === 'distribute'
          ? await post<unknown>(path, {}).finally(refresh)
          : await act.mutateAsync({ path, body })
      setOutcome({ ok: true, text: describeOutcome(name, result as ActResult) })
      setOpen(null)
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof Error ? error.message : String(error) })
    }
  }
  const start = (name: ActName) => {
    setOutcome(null)
    if (name === 'comment') return onComment()
    if (name === 'negotiate') return run(name, 'negotiation')
    if (name === 'agree') return run(name, 'sections/agree')
    if (name === 'distribute' && current?.version)
      return run(name, `/api/agreements/${encodeURIComponent(id)}/versions/${current.version}/distribute`)
    setOpen(open === name ? null : name)
  }

  return (
    <section className="card ag-acts" aria-labelledby="acts-title">
      <h2 id="acts-title">What you can do</h2>
      {allowed.length === 0 ? (
        <p className="muted">Nothing is open to you at this stage; the reasons are below.</p>
      ) : (
        <ul className="ag-act-buttons">
          {allowed.map((a) =>
            a.act === 'edit' ? (
              <li key={a.act}>
                <Link className="button" to={`/agreements/${encodeURIComponent(id)}/edit`}>
                  {ACT_LABELS.edit}
                </Link>
              </li>
            ) : (
              <li key={a.act}>
                <button
                  type="button"
                  className={
                    DANGER.includes(a.act) ? 'danger' : a.act === next && open !== a.act ? 'primary' : ''
                  }
                  aria-expanded={AT_ONCE.includes(a.act) || a.act === 'comment' ? undefined : open === a.act}
                  disabled={act.isPending}
                  onClick={() => start(a.act)}
                >
                  {ACT_LABELS[a.act]}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {open && (
        <ActForm
          act={open}
          acts={acts}
          current={current}
          busy={act.isPending}
          onCancel={() => setOpen(null)}
          onRun={(path, body) => run(open, path, body)}
        />
      )}
      <div aria-live="polite">
        {outcome && (
          <div className={`alert ${outcome.ok ? 'success' : 'error'}`} role={outcome.ok ? 'status' : 'alert'}>
            <p>
              <strong>{outcome.ok ? 'Done.' : 'Refused.'}</strong> {outcome.text}
            </p>
          </div>
        )}
      </div>
      {refused.size > 0 && (
        <>
          <h3>Not open to you now</h3>
          <ul className="ag-refused">
            {[...refused].map(([reason, names]) => (
              <li key={reason}>
                <span className="ag-refused-name">{names.map((name) => ACT_LABELS[name]).join(', ')}</span>
                <span className="ag-refused-reason">{reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function describeOutcome(name: ActName, result: ActResult | undefined): string {
  if (name === 'distribute') return 'The signed agreement is on its way to everyone it names.'
  if (!result || result.recorded.length === 0) return 'There was nothing to change.'
  const what = [...new Set(result.recorded.map((r) => eventName(r.type).toLowerCase()))].join(', ')
  const where = result.edition
    ? ` Edition ${result.edition.edition} is now ${describeState(result.edition.state)}.`
    : ''
  return `Recorded: ${what}.${where}`
}

function ActForm({
  act,
  acts,
  current,
  busy,
  onCancel,
  onRun,
}: {
  act: ActName
  acts: Acts
  current: CurrentEdition | null
  busy: boolean
  onCancel(): void
  onRun(path: string, body?: unknown): void
}) {
  const user = useUser()
  const id = useId()
  const hash = acts.edition?.content_hash ?? ''
  const [text, setText] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const warnings = [...new Set(acts.findings.filter((f) => f.level === 'warning').map((f) => f.rule))]
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const note = text.trim() === '' ? {} : { note: text.trim() }
    switch (act) {
      case 'submit':
        return onRun('submit', { acknowledge: picked })
      case 'approve':
        return onRun('approve', { content_hash: hash, ...note })
      case 'reject':
        return onRun('reject', { content_hash: hash, reason: text })
      case 'sign':
        return onRun('sign', { content_hash: hash })
      case 'reopen':
        return onRun('sections/reopen', { sections: picked, ...(text.trim() ? { reason: text.trim() } : {}) })
      case 'confirm_review':
        return onRun('review', note)
      case 'withdraw':
        return onRun('withdraw', { reason: text })
      case 'terminate':
        return onRun('terminate', { reason: text })
    }
  }
  const reasonField = (label: string, required: boolean): ReactNode => (
    <>
      <label htmlFor={`${id}-text`}>
        {label}
        {!required && <span className="muted"> (optional)</span>}
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        required={required}
      />
    </>
  )
  const ready =
    act === 'submit'
      ? warnings.every((w) => picked.includes(w))
      : act === 'reopen'
        ? picked.length > 0
        : ['reject', 'withdraw', 'terminate'].includes(act)
          ? text.trim() !== ''
          : true
  const edition = current ? `edition ${current.edition}, revision ${current.revision}` : 'this edition'
  return (
    <form className="ag-act-form" onSubmit={submit} aria-label={ACT_LABELS[act]}>
      {act === 'submit' && (
        <SubmitChecks acts={acts} warnings={warnings} picked={picked} setPicked={setPicked} />
      )}
      {act === 'approve' && (
        <>
          <p>
            You approve {edition} as it reads now (content <code title={hash}>{hash.slice(0, 12)}</code>). An
            edit after this voids your approval.
          </p>
          {reasonField('Note', false)}
        </>
      )}
      {act === 'reject' && (
        <>
          <p>Rejecting sends {edition} back to negotiation. Say what must change.</p>
          {reasonField('Reason', true)}
        </>
      )}
      {act === 'sign' && (
        <p>
          You sign {edition} as <strong>{user.name}</strong> ({user.email}), bound to its content hash{' '}
          <code className="ag-hash">{hash}</code>. Your name, the time and how you signed in are recorded.
        </p>
      )}
      {act === 'reopen' && (
        <>
          <fieldset>
            <legend>Sections to reopen</legend>
            {(current?.sections ?? []).map((s) => (
              <label key={s.section} className="ag-check">
                <input
                  type="checkbox"
                  checked={picked.includes(s.section)}
                  onChange={(e) =>
                    setPicked(
                      e.target.checked ? [...picked, s.section] : picked.filter((x) => x !== s.section),
                    )
                  }
                />{' '}
                {sectionName(s.section)}
              </label>
            ))}
          </fieldset>
          {reasonField('Why', false)}
        </>
      )}
      {act === 'confirm_review' && (
        <>
          <p>The review found nothing to change: the agreement stays in force until its next review.</p>
          {reasonField('Note', false)}
        </>
      )}
      {act === 'withdraw' && (
        <>
          <p>Withdrawing ends {edition} before it is signed. What is in force (if anything) stays.</p>
          {reasonField('Reason', true)}
        </>
      )}
      {act === 'terminate' && (
        <>
          <p>Terminating ends the agreement in force: from now on it measures nothing.</p>
          {reasonField('Reason', true)}
        </>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className={DANGER.includes(act) ? 'danger' : 'primary'}
          disabled={busy || !ready}
        >
          {act === 'sign' ? `Sign as ${user.name}` : ACT_LABELS[act]}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

function SubmitChecks({
  acts,
  warnings,
  picked,
  setPicked,
}: {
  acts: Acts
  warnings: string[]
  picked: string[]
  setPicked(rules: string[]): void
}) {
  if (warnings.length === 0)
    return <p>The lint rules find nothing to acknowledge. It goes to management approval.</p>
  return (
    <fieldset>
      <legend>Acknowledge {plural(warnings.length, 'warning')}</legend>
      <p className="hint">
        The lint rules of submission warn of these. Submitting records that you acknowledged each, with your
        name and the time.
      </p>
      {warnings.map((rule) => (
        <label key={rule} className="ag-check">
          <input
            type="checkbox"
            checked={picked.includes(rule)}
            onChange={(e) =>
              setPicked(e.target.checked ? [...picked, rule] : picked.filter((r) => r !== rule))
            }
          />{' '}
          <code>{rule}</code>:{' '}
          {acts.findings
            .filter((f) => f.rule === rule)
            .map((f) => `${f.message} (${f.path})`)
            .join('; ')}
        </label>
      ))}
    </fieldset>
  )
}
