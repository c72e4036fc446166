// A new agreement from a template: choose one of the starter templates (each reproduces a seed
// document), fill its placeholders (each with its question and an example), see it checked
// as the server will check it, and create it as a draft.
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useMemo, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { parseDocument } from 'yaml'
import { formatPath, type Issue } from '../../../domain/issues.ts'
import { checkPlaceholderValue, fillTemplate } from '../../../domain/templates/fill-template.ts'
import { type Placeholder, TEMPLATES, type Template } from '../../../domain/templates/index.ts'
import { ApiError, get } from '../../api.ts'
import { Page } from '../../components/page.tsx'
import { isStaff, useUser } from '../../session.tsx'
import { saveRevision, useAgreementList } from './agreement-data.ts'
import { ProblemList, problemCount } from './problems.tsx'
import { StaffOnly } from './staff-only.tsx'
import { today, validateYaml } from './validation.ts'
import { plural } from './words.tsx'

const KIND: Record<string, string> = {
  ServiceLevelAgreement: 'Service level agreement',
  SupportPlan: 'Support plan',
}

export function NewPage() {
  const user = useUser()
  if (!isStaff(user)) return <StaffOnly />
  return <NewAgreement />
}

function NewAgreement() {
  const [params, setParams] = useSearchParams()
  // Kept here as well as in the address, so that the choice shows at once.
  const [chosen, choose] = useState(params.get('template'))
  const template = TEMPLATES.find((t) => t.id === chosen)
  return (
    <Page title="New agreement">
      <fieldset className="ag-templates">
        <legend>Start from a template</legend>
        <p className="hint">
          Each reproduces one of the documents service managers start from. Everything can be changed later,
          in the form or as YAML.
        </p>
        <div className="ag-template-grid">
          {TEMPLATES.map((t) => (
            <label key={t.id} className={`ag-template ${template?.id === t.id ? 'chosen' : ''}`}>
              <input
                type="radio"
                name="template"
                value={t.id}
                checked={template?.id === t.id}
                onChange={() => {
                  choose(t.id)
                  setParams({ template: t.id }, { replace: true })
                }}
              />
              <span className="ag-template-title">{t.title}</span>
              <span className="muted small">
                {KIND[t.kind] ?? t.kind} · {plural(t.placeholders.length, 'blank')} to fill
              </span>
              <span className="ag-template-description">{t.description}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {template ? (
        <Placeholders key={template.id} template={template} />
      ) : (
        <p className="muted">Choose a template to fill in its details.</p>
      )}
    </Page>
  )
}

type Organisation = { id: string; name: string }

function Placeholders({ template }: { template: Template }) {
  const navigate = useNavigate()
  const agreements = useAgreementList()
  // Admins may list the organisations, to choose the customer from; agents type its id.
  const organisations = useQuery({
    queryKey: ['organisations'],
    queryFn: ({ signal }) => get<{ items: Organisation[] }>('/api/organisations', signal),
    retry: false,
  })
  const [values, setValues] = useState<Record<string, string>>({})
  const [attempted, setAttempted] = useState(false)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const [creating, setCreating] = useState(false)
  const filled = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(values).flatMap(([k, v]) => (v.trim() === '' ? [] : [[k, v.trim()]])),
      ),
    [values],
  )
  const missing = template.placeholders.filter((p) => !(p.id in filled))
  const fill = useMemo(() => fillTemplate(template, filled), [template, filled])
  const validation = useMemo(
    () => (fill.ok && fill.unresolved.length === 0 ? validateYaml(fill.yaml, today()) : undefined),
    [fill],
  )
  const id = filled['agreement-id']
  const taken = id !== undefined && agreements.data?.items.some((a) => a.id === id)
  const serverIssues = refusal ? fieldsOf(template, refusal.details) : new Map<string, string>()
  const schemaErrors = validation?.problems.filter((p) => p.source === 'schema' && p.level === 'error') ?? []
  const ready = fill.ok && missing.length === 0 && schemaErrors.length === 0 && !taken

  const problemOf = (p: Placeholder): string | undefined => {
    const value = values[p.id] ?? ''
    if (p.id === 'agreement-id' && taken) return 'an agreement with this id exists already: choose another'
    const server = serverIssues.get(p.id)
    if (server) return server
    if (value.trim() === '') return attempted ? 'fill this in' : undefined
    return checkPlaceholderValue(p, value.trim()) ?? undefined
  }
  const create = async (e: FormEvent) => {
    e.preventDefault()
    setAttempted(true)
    if (!ready || !fill.ok || id === undefined) return
    setCreating(true)
    setRefusal(null)
    try {
      await saveRevision(id, fill.yaml)
      navigate(`/agreements/${encodeURIComponent(id)}/lifecycle`)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setRefusal(error)
    } finally {
      setCreating(false)
    }
  }
  return (
    <form onSubmit={create} noValidate className="ag-new">
      <h2>Fill in the blanks</h2>
      <p className="hint">
        Every blank is needed. The examples show what each looks like; nothing is filled in for you.
      </p>
      <div className="ag-placeholders">
        {template.placeholders.map((p) => (
          <PlaceholderField
            key={p.id}
            placeholder={p}
            value={values[p.id] ?? ''}
            problem={problemOf(p)}
            organisations={p.id === 'customer-id' ? organisations.data?.items : undefined}
            onChange={(v) => {
              setValues({ ...values, [p.id]: v })
              setRefusal(null)
            }}
          />
        ))}
      </div>
      <section className="card ag-preview" aria-labelledby="preview-title">
        <h2 id="preview-title">Check</h2>
        {missing.length > 0 ? (
          <p aria-live="polite">
            {plural(missing.length, 'blank')} still to fill
            {missing.length <= 4 ? `: ${missing.map((p) => p.prompt.toLowerCase()).join('; ')}.` : '.'} The
            agreement is checked as soon as every blank is filled.
          </p>
        ) : !fill.ok ? (
          <p className="field-error" aria-live="polite">
            Some blanks are not right yet: {fill.issues.map((i) => i.message).join('; ')}.
          </p>
        ) : validation ? (
          <>
            <p aria-live="polite">
              {schemaErrors.length === 0
                ? `The agreement reads as valid. ${problemCount(validation.problems)} from the lint rules of submission.`
                : `${plural(schemaErrors.length, 'problem')} to fix before it can be saved.`}
            </p>
            {validation.problems.length > 0 && <ProblemList problems={validation.problems} compact />}
            <details>
              <summary>The YAML it makes</summary>
              <pre className="ag-yaml-preview">{fill.yaml}</pre>
            </details>
          </>
        ) : null}
      </section>
      {refusal && (
        <div className="alert error" role="alert">
          <p>
            <strong>Not created.</strong> {refusal.message}
          </p>
          {refusal.details.length > 0 && (
            <ul>
              {refusal.details.map((d) => (
                <li key={`${formatPath(d.path)}:${d.message}`}>
                  <code>{formatPath(d.path)}</code> {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={creating}>
          {creating ? 'Creating…' : 'Create the draft'}
        </button>
        <Link className="button" to="/agreements">
          Cancel
        </Link>
      </div>
    </form>
  )
}

function PlaceholderField({
  placeholder: p,
  value,
  problem,
  organisations,
  onChange,
}: {
  placeholder: Placeholder
  value: string
  problem: string | undefined
  organisations: Organisation[] | undefined
  onChange(value: string): void
}) {
  const id = `ph-${p.id}`
  const list = p.type === 'timezone' ? 'ag-timezones' : organisations ? 'ag-organisations' : undefined
  const type = p.type === 'date' ? 'date' : p.type === 'email' ? 'email' : p.type === 'url' ? 'url' : 'text'
  return (
    <div className="ag-field">
      <label htmlFor={id}>{p.prompt}</label>
      <p className="hint" id={`${id}-hint`}>
        For example <code>{p.example}</code>
      </p>
      <input
        id={id}
        type={p.type === 'phone' ? 'tel' : type}
        inputMode={p.type === 'number' ? 'decimal' : undefined}
        value={value}
        list={list}
        required
        aria-invalid={problem !== undefined || undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && (
        <p className="field-error" id={`${id}-problem`}>
          {p.prompt}: {problem}
        </p>
      )}
      {p.type === 'timezone' && <TimeZones />}
      {organisations && (
        <datalist id="ag-organisations">
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </datalist>
      )}
    </div>
  )
}

function TimeZones() {
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), [])
  return (
    <datalist id="ag-timezones">
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  )
}

/** The server's issues, by the placeholder that fills the field they name. */
function fieldsOf(template: Template, issues: readonly Issue[]): Map<string, string> {
  const doc = parseDocument(template.yaml)
  const found = new Map<string, string>()
  for (const issue of issues) {
    const held = doc.getIn(issue.path)
    const m = typeof held === 'string' ? /^\{\{\s*([\w.-]+)\s*\}\}$/.exec(held) : null
    if (m) found.set(m[1]!, issue.message)
  }
  return found
}
