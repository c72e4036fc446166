// Every agreement: its customer, the state of its current edition, the version in force and
// what the daily health check found; filtered by customer, state or a word of its title.
import { Link, useSearchParams } from 'react-router'
import { EDITION_STATES, type EditionState } from '../../../domain/lifecycle/states.ts'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { isStaff, useUser } from '../../session.tsx'
import { type ListedAgreement, useAgreementList } from './agreement-data.ts'
import { StaffOnly } from './staff-only.tsx'
import { plural, StateBadge, stateLabel } from './words.tsx'

export function ListPage() {
  const user = useUser()
  if (!isStaff(user)) return <StaffOnly />
  return <AgreementList />
}

function AgreementList() {
  const list = useAgreementList()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const customer = params.get('customer') ?? ''
  const state = params.get('state') ?? ''
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value === '') next.delete(key)
    else next.set(key, value)
    setParams(next, { replace: true })
  }
  const items = list.data?.items ?? []
  const customers = [...new Set(items.map((a) => a.customer))].sort()
  const states = EDITION_STATES.filter((s) => items.some((a) => a.standing.state === s))
  const shown = items.filter(
    (a) =>
      (customer === '' || a.customer === customer) &&
      (state === '' || a.standing.state === state) &&
      (q === '' || `${a.title} ${a.id}`.toLowerCase().includes(q.toLowerCase())),
  )
  return (
    <Page
      title="Agreements"
      actions={
        <Link className="button primary" to="/agreements/new">
          New agreement
        </Link>
      }
    >
      {list.isPending ? (
        <Loading what="the agreements" />
      ) : list.isError ? (
        <ErrorView error={list.error} retry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No agreements yet">
          <p>
            <Link to="/agreements/new">Create one from a template</Link>: a support plan, a production support
            plan, a helpdesk SLA or an IT support agreement. It starts as a draft you can edit, negotiate,
            have approved and sign.
          </p>
          <p className="muted small">
            Or save YAML you already have as a draft: <code>upheld agreement draft FILE</code>, or{' '}
            <code>POST /api/agreements/ID/revisions</code>.
          </p>
        </Empty>
      ) : (
        <>
          <search className="filters ag-filters" aria-label="Filter the agreements">
            <div>
              <label htmlFor="ag-q">Title or id</label>
              <input id="ag-q" type="search" value={q} onChange={(e) => set('q', e.target.value)} />
            </div>
            <div>
              <label htmlFor="ag-customer">Customer</label>
              <select id="ag-customer" value={customer} onChange={(e) => set('customer', e.target.value)}>
                <option value="">All customers</option>
                {customers.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="ag-state">State</label>
              <select id="ag-state" value={state} onChange={(e) => set('state', e.target.value)}>
                <option value="">Any state</option>
                {states.map((s) => (
                  <option key={s} value={s}>
                    {stateLabel(s)}
                  </option>
                ))}
              </select>
            </div>
          </search>
          <p className="muted small" aria-live="polite">
            {shown.length === items.length
              ? plural(items.length, 'agreement')
              : `${shown.length} of ${plural(items.length, 'agreement')}`}
          </p>
          {shown.length === 0 ? (
            <Empty title="No agreement matches">
              <p>Clear the filters to see every agreement.</p>
            </Empty>
          ) : (
            <div className="table-wrap">
              <table className="ag-list ag-table">
                <thead>
                  <tr>
                    <th scope="col">Agreement</th>
                    <th scope="col">Customer</th>
                    <th scope="col">Current edition</th>
                    <th scope="col">In force</th>
                    <th scope="col">Health</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((a) => (
                    <Row key={a.id} agreement={a} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  )
}

function Row({ agreement: a }: { agreement: ListedAgreement }) {
  const s = a.standing
  return (
    <tr>
      <th scope="row">
        <Link to={`/agreements/${encodeURIComponent(a.id)}`}>{a.title}</Link>
        <span className="muted small mono ag-list-id">{a.id}</span>
      </th>
      <td>{a.customer}</td>
      <td>
        <StateBadge state={s.state as EditionState | null} />
        {s.edition !== null && <span className="muted small"> edition {s.edition}</span>}
      </td>
      <td>
        {s.version_in_force === null ? (
          <span className="muted">None</span>
        ) : (
          <span>
            Version {s.version_in_force}
            <span className="muted small ag-list-since hide-narrow">
              since <Time at={s.in_force_since} />
            </span>
          </span>
        )}
      </td>
      <td>
        <Health standing={s} />
      </td>
    </tr>
  )
}

function Health({ standing: s }: { standing: ListedAgreement['standing'] }) {
  const { errors, warnings } = s.open_findings
  const flags = [
    errors > 0 && (
      <span key="e" className="badge bad">
        {plural(errors, 'error')}
      </span>
    ),
    warnings > 0 && (
      <span key="w" className="badge warn">
        {plural(warnings, 'warning')}
      </span>
    ),
    s.state === 'review_due' && (
      <span key="r" className="badge warn">
        Review due
      </span>
    ),
  ].filter(Boolean)
  if (flags.length > 0) return <span className="ag-flags">{flags}</span>
  if (s.version_in_force === null) return <span className="muted">Not checked until in force</span>
  return <span className="badge ok">No findings</span>
}
