// Editing an agreement: its main fields as a form, or the whole of it as YAML; both edit the
// same text. It is checked as it is typed (schema, then the submission lint rules), each
// problem beside its field or line; saving makes the next draft revision.
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react'
import { Link, useBlocker, useParams } from 'react-router'
import { describeState, type EditionState } from '../../../domain/lifecycle/states.ts'
import { ApiError } from '../../api.ts'
import { Page } from '../../components/page.tsx'
import { ErrorView, Loading } from '../../components/states.tsx'
import { isStaff, useUser } from '../../session.tsx'
import {
  type DocRef,
  type DraftResult,
  saveRevision,
  useActs,
  useAgreement,
  useDocument,
  useLifecycle,
  useRefreshAgreement,
} from './agreement-data.ts'
import { AgreementForm } from './agreement-form.tsx'
import { agreementYaml } from './agreement-yaml.ts'
import { ProblemList } from './problems.tsx'
import { StaffOnly } from './staff-only.tsx'
import { byLine, fromIssue, type Problem, today, type Validation, validateYaml } from './validation.ts'
import { plural, sectionName } from './words.tsx'
import { YamlEditor, type YamlEditorHandle } from './yaml-editor.tsx'

type Tab = 'form' | 'yaml'

export function EditPage() {
  const user = useUser()
  const id = useParams().id!
  if (!isStaff(user)) return <StaffOnly />
  return <EditAgreement id={id} />
}

function EditAgreement({ id }: { id: string }) {
  const agreement = useAgreement(id)
  const lifecycle = useLifecycle(id)
  const current = lifecycle.data?.current
  const latestVersion = agreement.data?.versions.at(-1)?.version
  const latest: DocRef | undefined = current
    ? { kind: 'revision', number: current.revision }
    : latestVersion !== undefined
      ? { kind: 'version', number: latestVersion }
      : undefined
  // The text edited is the one first loaded: a save moves the current revision on, not the editor.
  const [pinned, pin] = useState<DocRef>()
  const source = pinned ?? (lifecycle.isSuccess && agreement.isSuccess ? latest : undefined)
  useEffect(() => {
    if (pinned === undefined && source !== undefined) pin(source)
  }, [pinned, source])
  const document = useDocument(id, source)
  const title = agreement.data ? `Edit ${agreement.data.title}` : 'Edit agreement'
  if (agreement.isError || lifecycle.isError || document.isError)
    return (
      <Page title={title}>
        <ErrorView error={agreement.error ?? lifecycle.error ?? document.error} />
      </Page>
    )
  if (!document.data || !source) return <Loading what="the agreement" />
  return <Editor id={id} title={title} source={source} initial={agreementYaml(document.data)} />
}

function Editor({
  id,
  title,
  source,
  initial,
}: {
  id: string
  title: string
  source: DocRef
  initial: string
}) {
  const acts = useActs(id)
  const lifecycle = useLifecycle(id)
  const refresh = useRefreshAgreement(id)
  const [text, setText] = useState(initial)
  const [saved, setSaved] = useState(initial)
  const [tab, setTab] = useState<Tab>('form')
  const [validation, setValidation] = useState<Validation>(() => validateYaml(initial, today()))
  const [checked, setChecked] = useState(initial)
  const [refused, setRefused] = useState<{ error: ApiError; problems: Problem[] } | null>(null)
  const [result, setResult] = useState<DraftResult | null>(null)
  const [saving, setSaving] = useState(false)
  const editor = useRef<YamlEditorHandle>(null)

  useEffect(() => {
    if (text === checked) return
    const timer = setTimeout(() => {
      setValidation(validateYaml(text, today()))
      setChecked(text)
    }, 250)
    return () => clearTimeout(timer)
  }, [text, checked])

  const dirty = text !== saved
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  // Leaving for another page of the app asks first too, unless it is to discard the changes.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname && !nextLocation.state?.discard,
  )
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    if (window.confirm('Your changes are not saved. Leave this page and lose them?')) blocker.proceed()
    else blocker.reset()
  }, [blocker])

  const problems = useMemo(
    () => byLine([...validation.problems, ...(refused?.problems ?? [])]),
    [validation, refused],
  )
  const schemaErrors = validation.problems.filter((p) => p.source === 'schema' && p.level === 'error').length
  const edit = acts.data?.acts.find((a) => a.act === 'edit')
  const editRefused = edit && !edit.allowed ? edit.reason : null
  const edition = lifecycle.data?.current

  const change = (next: string) => {
    setText(next)
    setRefused(null)
  }
  const goTo = (p: Problem) => {
    setTab('yaml')
    // The panel shows first, then the editor moves to the line.
    requestAnimationFrame(() => editor.current?.goTo(p.line, p.column))
  }
  const save = async () => {
    setSaving(true)
    setRefused(null)
    setResult(null)
    try {
      const answer = await saveRevision(id, text)
      setResult(answer)
      setSaved(text)
      await refresh()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setRefused({ error, problems: error.details.map((d) => fromIssue(d, 'error', 'server')) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Page
      title={title}
      actions={
        <>
          <Link className="button" to={`/agreements/${encodeURIComponent(id)}`} state={{ discard: true }}>
            {dirty ? 'Discard changes' : 'Back to the agreement'}
          </Link>
          <button
            type="button"
            className="primary"
            onClick={save}
            disabled={saving || schemaErrors > 0 || editRefused !== null || !dirty}
            aria-describedby="save-note"
          >
            {saving ? 'Saving…' : 'Save revision'}
          </button>
        </>
      }
    >
      <p className="muted" id="save-note">
        {editRefused
          ? `Saving is not possible now: ${editRefused}.`
          : schemaErrors > 0
            ? `Fix ${plural(schemaErrors, 'error')} the schema finds before saving.`
            : !dirty
              ? result
                ? 'Everything is saved.'
                : `This is ${source.kind} ${source.number} as stored. Change something to save a new revision.`
              : saveNote(edition?.edition, edition?.state)}
      </p>
      {result && <SavedNote result={result} id={id} />}
      {refused && (
        <div className="alert error" role="alert">
          <p>
            <strong>Not saved.</strong> {refused.error.message}
            {refused.problems.length > 0 && ' The problems are listed beside their lines.'}
          </p>
        </div>
      )}
      <div className="ag-edit">
        <div className="ag-edit-main">
          <Tabs tab={tab} setTab={setTab} />
          <div role="tabpanel" id="panel-form" aria-labelledby="tab-form" hidden={tab !== 'form'}>
            <AgreementForm text={text} onChange={change} problems={problems} />
          </div>
          <div role="tabpanel" id="panel-yaml" aria-labelledby="tab-yaml" hidden={tab !== 'yaml'}>
            <p className="hint" id="yaml-hint">
              The whole agreement. Problems show beside their line as you type; Ctrl+Z undoes, Ctrl+Y redoes.
              Tab indents; to leave the editor, press Escape, then Tab.
            </p>
            <YamlEditor
              ref={editor}
              value={text}
              onChange={change}
              messages={problems}
              labelledBy="tab-yaml"
              describedBy="yaml-hint"
            />
          </div>
        </div>
        <ProblemList problems={problems} checking={text !== checked} onGoTo={goTo} />
      </div>
    </Page>
  )
}

const SUBMITTED = ['management_approval', 'legal_review', 'final_approval', 'signing']
const LIVE = ['in_force', 'review_due']

function saveNote(edition: number | undefined, state: EditionState | undefined): string {
  if (edition === undefined || state === undefined) return 'Saving makes the first draft revision.'
  if (SUBMITTED.includes(state))
    return `Edition ${edition} is ${describeState(state)}: saving returns it to negotiation and voids the approvals and signatures given.`
  if (LIVE.includes(state))
    return `Edition ${edition} is ${describeState(state)}: saving starts edition ${edition + 1} as a draft; this one stays in force until that one is signed.`
  return 'Saving makes the next draft revision; the sections you change need agreeing again.'
}

function Tabs({ tab, setTab }: { tab: Tab; setTab(tab: Tab): void }) {
  const tabs: [Tab, string][] = [
    ['form', 'Form'],
    ['yaml', 'YAML'],
  ]
  // Arrow keys move between the tabs, as in every tab list.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    const next = tab === 'form' ? 'yaml' : 'form'
    setTab(next)
    document.getElementById(`tab-${next}`)?.focus()
  }
  return (
    <div role="tablist" aria-label="Edit as" className="ag-tablist" onKeyDown={onKeyDown}>
      {tabs.map(([key, label]) => (
        <button
          key={key}
          type="button"
          role="tab"
          id={`tab-${key}`}
          aria-selected={tab === key}
          aria-controls={`panel-${key}`}
          tabIndex={tab === key ? 0 : -1}
          onClick={() => setTab(key)}
        >
          {label}
        </button>
      ))}
    </div>
  )
}

function SavedNote({ result, id }: { result: DraftResult; id: string }) {
  return (
    <div className="alert success" role="status">
      <p>
        <strong>
          {result.created
            ? `Saved as revision ${result.revision} of edition ${result.edition}`
            : `Nothing changed: revision ${result.revision} is this content already`}
        </strong>
        , {describeState(result.state)}.
        {result.changed.length > 0 &&
          ` Changed: ${result.changed.map(sectionName).join(', ')}; both parties agree to them again.`}
        {result.invalidated &&
          ` The edit voided ${plural(result.invalidated.approvals, 'approval')} and ${plural(result.invalidated.signatures, 'signature')}.`}{' '}
        <Link to={`/agreements/${encodeURIComponent(id)}/lifecycle`}>See the lifecycle</Link>
      </p>
    </div>
  )
}
