// The health list: what the daily checks of an agreement in force found (reviews and tests
// overdue, licences to renew, certifications expired), who was told, and what was resolved.
import { useParams, useSearchParams } from 'react-router'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { useHealth, useLifecycle } from './agreement-data.ts'

export function HealthTab() {
  const id = useParams().id!
  const [params, setParams] = useSearchParams()
  const state = params.get('state') === 'all' ? 'all' : 'open'
  const health = useHealth(id, state)
  const lifecycle = useLifecycle(id)
  const live = lifecycle.data?.editions.some((e) => e.state === 'in_force' || e.state === 'review_due')
  return (
    <div className="ag-health">
      <div className="filters">
        <div>
          <label htmlFor="health-state">Show</label>
          <select
            id="health-state"
            value={state}
            onChange={(e) => setParams(e.target.value === 'all' ? { state: 'all' } : {}, { replace: true })}
          >
            <option value="open">Open findings</option>
            <option value="all">Open and resolved</option>
          </select>
        </div>
      </div>
      {health.isPending ? (
        <Loading what="the health list" />
      ) : health.isError ? (
        <ErrorView error={health.error} retry={() => health.refetch()} />
      ) : health.data.items.length === 0 ? (
        <Empty title={state === 'open' ? 'Nothing needs doing' : 'Nothing found yet'}>
          <p>
            {live === false && lifecycle.data?.current
              ? 'The daily checks start once the agreement is in force: reviews, restore and DR tests, licence renewals and certifications.'
              : 'The daily checks found nothing open: reviews, restore and DR tests, licences and certifications are all in date.'}
          </p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Finding</th>
                <th scope="col" className="hide-narrow">
                  Told
                </th>
                <th scope="col">Seen</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {health.data.items.map((f) => (
                <tr key={`${f.rule}|${f.path}|${f.first_seen}`}>
                  <td>
                    <span className={`badge ${f.level === 'error' ? 'bad' : 'warn'}`}>
                      {f.level === 'error' ? 'Error' : 'Warning'}
                    </span>{' '}
                    {f.message}
                    {f.hint && <span className="muted"> ({f.hint})</span>}
                    <div className="muted small">
                      <code>{f.rule}</code> at <code>{f.path}</code> · version {f.version}
                    </div>
                  </td>
                  <td className="hide-narrow small">
                    {f.owners.length === 0 ? (
                      <span className="muted">Nobody named</span>
                    ) : (
                      f.owners.map((o) => o.name).join(', ')
                    )}
                  </td>
                  <td className="small">
                    first <Time at={f.first_seen} />
                    <br />
                    last <Time at={f.last_seen} />
                  </td>
                  <td>
                    {f.resolved_at ? (
                      <span className="small">
                        <span className="badge ok">Resolved</span> <Time at={f.resolved_at} />
                      </span>
                    ) : (
                      <span className="badge warn">Open</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
