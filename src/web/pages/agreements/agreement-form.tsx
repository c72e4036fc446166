// The agreement's main fields as a form: title, parties, term and the targets of each severity.
// It edits the same YAML as the editor, through the document model of `yaml`, so that whatever
// the form does not show (and the comments and layout of the text) is left as it was. Each
// field shows the problems found at its path beside it.
import { type ReactNode, useMemo, useState } from 'react'
import { type Document, parseDocument } from 'yaml'
import { METRICS, type Metric } from '../../../domain/agreement/sections-service-levels.ts'
import { formatPath, type PathSegment } from '../../../domain/issues.ts'
import { METRIC_NAMES } from '../../components/words.ts'
import { type Problem, problemsAt } from './validation.ts'

type Path = PathSegment[]
type Edit = (path: Path, value: string | null) => void

const idOf = (path: Path) => `f-${formatPath(path).replace(/[^\w-]+/g, '-')}`

export function AgreementForm({
  text,
  onChange,
  problems,
}: {
  text: string
  onChange(text: string): void
  problems: readonly Problem[]
}) {
  const doc = useMemo(() => parseDocument(text), [text])
  if (doc.errors.length > 0) {
    return (
      <div className="alert warning" role="status">
        <p>
          The YAML cannot be read as it stands ({doc.errors[0]!.message.split('\n')[0]}). Fix it in the YAML
          tab; the form comes back once the text reads.
        </p>
      </div>
    )
  }
  const read = (path: Path): string => {
    const value = doc.getIn(path)
    return value === undefined || value === null || typeof value === 'object' ? '' : String(value)
  }
  // An emptied optional field leaves the document; anything else is set where it is.
  const edit: Edit = (path, value) => {
    const next = doc.clone()
    if (value === null) next.deleteIn(path)
    else next.setIn(path, value)
    onChange(next.toString({ lineWidth: 0 }))
  }
  const contacts = listOf(doc, ['spec', 'contacts']).map((c) => ({
    id: String(c.id),
    name: String(c.name ?? c.id),
  }))
  const field = (props: Omit<FieldProps, 'read' | 'edit' | 'problems'>) => (
    <Field {...props} read={read} edit={edit} problems={problems} />
  )
  return (
    <div className="ag-form">
      <fieldset>
        <legend>The agreement</legend>
        {field({ path: ['metadata', 'title'], label: 'Title' })}
        <p className="hint">
          Id <code>{read(['metadata', 'id'])}</code> and kind {read(['kind'])} are fixed for this agreement.
        </p>
      </fieldset>
      <fieldset>
        <legend>Parties</legend>
        <div className="ag-form-columns">
          {(['provider', 'customer'] as const).map((party) => (
            <div key={party}>
              <h3>{party === 'provider' ? 'Provider' : 'Customer'}</h3>
              <p className="hint">
                Organisation id <code>{read(['spec', 'parties', party, 'id'])}</code>
              </p>
              {field({ path: ['spec', 'parties', party, 'name'], label: 'Name' })}
              {field({
                path: ['spec', 'parties', party, 'signatory'],
                label: 'Signatory',
                hint: 'The contact who signs for this party, signed in as themselves: their user’s email is the contact’s.',
                optional: true,
                options: contacts.map((c) => ({ value: c.id, label: `${c.name} (${c.id})` })),
              })}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Term</legend>
        <div className="ag-form-columns">
          {field({ path: ['spec', 'term', 'effectiveFrom'], label: 'Effective from', type: 'date' })}
          {field({
            path: ['spec', 'term', 'effectiveTo'],
            label: 'Effective to',
            type: 'date',
            optional: true,
          })}
          {field({
            path: ['spec', 'term', 'review', 'every'],
            label: 'Review every',
            hint: 'An ISO 8601 period: P6M, P1Y.',
            optional: true,
          })}
        </div>
      </fieldset>
      <Targets doc={doc} edit={edit} problems={problems} onChange={onChange} />
    </div>
  )
}

type FieldProps = {
  path: Path
  label: string
  hint?: string
  type?: 'text' | 'date'
  optional?: boolean
  options?: { value: string; label: string }[]
  read(path: Path): string
  edit: Edit
  problems: readonly Problem[]
}

function Field({ path, label, hint, type = 'text', optional, options, read, edit, problems }: FieldProps) {
  const id = idOf(path)
  const here = problemsAt(problems, formatPath(path))
  const value = read(path)
  const change = (v: string) => edit(path, v === '' && optional ? null : v)
  const described = [hint ? `${id}-hint` : '', here.length > 0 ? `${id}-problems` : '']
    .filter(Boolean)
    .join(' ')
  const common = {
    id,
    value,
    'aria-invalid': here.some((p) => p.level === 'error') || undefined,
    'aria-describedby': described || undefined,
  }
  return (
    <div className="ag-field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="muted"> (optional)</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {options ? (
        <select {...common} onChange={(e) => change(e.target.value)}>
          <option value="">{optional ? 'None' : 'Choose…'}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {value !== '' && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
        </select>
      ) : (
        <input {...common} type={type} onChange={(e) => change(e.target.value)} />
      )}
      <FieldProblems id={`${id}-problems`} problems={here} />
    </div>
  )
}

function FieldProblems({ id, problems }: { id: string; problems: readonly Problem[] }): ReactNode {
  if (problems.length === 0) return null
  return (
    <ul className="ag-field-problems" id={id}>
      {problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a field's problems have no other identity
        <li key={i} className={p.level === 'error' ? 'field-error' : 'ag-field-warning'}>
          {p.level === 'error' ? 'Error: ' : 'Warning: '}
          {p.message}
        </li>
      ))}
    </ul>
  )
}

type Row = Record<string, unknown>

function listOf(doc: Document, path: Path): Row[] {
  const value = doc.getIn(path)
  const json =
    value && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : []
  return Array.isArray(json) ? (json as Row[]) : []
}

function Targets({
  doc,
  edit,
  problems,
  onChange,
}: {
  doc: Document
  edit: Edit
  problems: readonly Problem[]
  onChange(text: string): void
}) {
  const severities = listOf(doc, ['spec', 'severities'])
  const calendars = listOf(doc, ['spec', 'calendars']).map((c) => String(c.id))
  const targets = listOf(doc, ['spec', 'targets']).map((t, index): Row & { index: number } => ({
    ...t,
    index,
  }))
  const [adding, setAdding] = useState<{ severity: string; metric: Metric }>({
    severity: String(severities[0]?.id ?? ''),
    metric: 'first_response',
  })
  const add = () => {
    const next = doc.clone()
    const duration = adding.metric === 'periodic_update' ? { every: '' } : { within: '' }
    const target = {
      severity: adding.severity,
      metric: adding.metric,
      ...duration,
      calendar: calendars[0] ?? '',
    }
    if (next.hasIn(['spec', 'targets'])) next.addIn(['spec', 'targets'], next.createNode(target))
    else next.setIn(['spec', 'targets'], next.createNode([target]))
    onChange(next.toString({ lineWidth: 0 }))
  }
  const remove = (index: number) => edit(['spec', 'targets', index], null)
  const groups = [
    ...severities.map((s) => ({ id: String(s.id), name: String(s.name ?? '') })),
    ...[...new Set(targets.map((t) => String(t.severity)))]
      .filter((id) => !severities.some((s) => String(s.id) === id))
      .map((id) => ({ id, name: 'not a severity of this agreement' })),
  ]
  return (
    <fieldset>
      <legend>Targets by severity</legend>
      <p className="hint">
        Durations such as 30m, 4h or 2d, counted on the calendar named; the goal is the share of tickets that
        must meet the target (95%).
      </p>
      <div className="table-wrap">
        <table className="ag-targets">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Within (or every)</th>
              <th scope="col">Calendar</th>
              <th scope="col">Goal</th>
              <th scope="col">
                <span className="ag-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.id}>
              <tr className="ag-targets-group">
                <th scope="rowgroup" colSpan={5}>
                  {g.id}
                  {g.name && <span className="muted"> · {g.name}</span>}
                </th>
              </tr>
              {targets
                .filter((t) => String(t.severity) === g.id)
                .map((t) => (
                  <TargetRow
                    key={t.index}
                    target={t}
                    severity={g.id}
                    calendars={calendars}
                    edit={edit}
                    remove={remove}
                    problems={problems}
                  />
                ))}
            </tbody>
          ))}
        </table>
      </div>
      <div className="ag-add-target">
        <div>
          <label htmlFor="add-severity">Severity</label>
          <select
            id="add-severity"
            value={adding.severity}
            onChange={(e) => setAdding({ ...adding, severity: e.target.value })}
          >
            {severities.map((s) => (
              <option key={String(s.id)} value={String(s.id)}>
                {String(s.id)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="add-metric">Metric</label>
          <select
            id="add-metric"
            value={adding.metric}
            onChange={(e) => setAdding({ ...adding, metric: e.target.value as Metric })}
          >
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_NAMES[m]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={add} disabled={adding.severity === ''}>
          Add target
        </button>
      </div>
    </fieldset>
  )
}

function TargetRow({
  target,
  severity,
  calendars,
  edit,
  remove,
  problems,
}: {
  target: Row & { index: number }
  severity: string
  calendars: string[]
  edit: Edit
  remove(index: number): void
  problems: readonly Problem[]
}) {
  const path: Path = ['spec', 'targets', target.index]
  const metric = String(target.metric) as Metric
  const durationKey = metric === 'periodic_update' ? 'every' : 'within'
  const name = `${severity} ${METRIC_NAMES[metric] ?? metric}`
  const here = problemsAt(problems, formatPath(path))
  const id = idOf(path)
  const cell = (key: string) => problemsAt(here, formatPath([...path, key])).some((p) => p.level === 'error')
  const str = (key: string) => (target[key] === undefined ? '' : String(target[key]))
  return (
    <>
      <tr>
        <td>{METRIC_NAMES[metric] ?? metric}</td>
        <td>
          <input
            aria-label={`${name}: ${durationKey}`}
            value={str(durationKey)}
            placeholder="4h"
            aria-invalid={cell(durationKey) || undefined}
            aria-describedby={here.length > 0 ? `${id}-problems` : undefined}
            onChange={(e) => edit([...path, durationKey], e.target.value)}
          />
        </td>
        <td>
          <select
            aria-label={`${name}: calendar`}
            value={str('calendar')}
            aria-invalid={cell('calendar') || undefined}
            onChange={(e) => edit([...path, 'calendar'], e.target.value)}
          >
            {!calendars.includes(str('calendar')) && (
              <option value={str('calendar')}>{str('calendar') || '—'}</option>
            )}
            {calendars.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </td>
        <td>
          <input
            aria-label={`${name}: goal`}
            value={str('goal')}
            placeholder="95%"
            className="ag-goal"
            aria-invalid={cell('goal') || undefined}
            onChange={(e) => edit([...path, 'goal'], e.target.value === '' ? null : e.target.value)}
          />
        </td>
        <td>
          <button type="button" className="link-button" onClick={() => remove(target.index)}>
            Remove<span className="ag-visually-hidden"> {name}</span>
          </button>
        </td>
      </tr>
      {here.length > 0 && (
        <tr className="ag-row-problems">
          <td colSpan={5}>
            <FieldProblems id={`${id}-problems`} problems={here} />
          </td>
        </tr>
      )}
    </>
  )
}
