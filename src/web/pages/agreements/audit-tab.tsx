// The audit trail: every act on the agreement, in order, each entry chained to the one before
// by its hash; and a check that recomputes the chain and the stored revisions.
import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { get } from '../../api.ts'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { type History, useHistory, type Verification } from './agreement-data.ts'
import { eventName, sectionName } from './words.tsx'

type Entry = History['items'][number]

export function AuditTab() {
  const id = useParams().id!
  const history = useHistory(id)
  const verify = useQuery({
    queryKey: ['agreement', id, 'verify'],
    queryFn: () => get<Verification>(`/api/agreements/${encodeURIComponent(id)}/audit/verify`),
    enabled: false,
    gcTime: 0,
  })
  if (history.isPending) return <Loading what="the audit trail" />
  if (history.isError) return <ErrorView error={history.error} retry={() => history.refetch()} />
  const items = [...history.data.items].reverse()
  return (
    <div className="ag-audit">
      <div className="ag-verify">
        <button type="button" onClick={() => verify.refetch()} disabled={verify.isFetching}>
          {verify.isFetching ? 'Verifying…' : 'Verify the chain'}
        </button>
        <div aria-live="polite" className="ag-verify-result">
          {verify.isError && <ErrorView error={verify.error} />}
          {verify.data &&
            (verify.data.ok ? (
              <p className="alert success">
                <strong>The chain holds.</strong> {verify.data.entries} entries recomputed, each revision’s
                content matching its hash; the head is <code>{verify.data.head?.slice(0, 16)}</code>.
              </p>
            ) : (
              <p className="alert error">
                <strong>Entry {verify.data.seq} does not hold.</strong> {verify.data.reason}
              </p>
            ))}
        </div>
      </div>
      {items.length === 0 ? (
        <Empty title="No entries yet">
          <p>
            The trail starts with the first draft revision; this agreement was stored as a version directly.
          </p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="ag-audit-table ag-table">
            <caption className="ag-visually-hidden">The audit trail, newest first</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col" className="hide-narrow">
                  Hash
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td className="nowrap">
                    <Time at={e.at} />
                  </td>
                  <td>
                    <strong>{eventName(e.type)}</strong> <Detail entry={e} />
                  </td>
                  <td>
                    <Actor actor={e.actor} />
                  </td>
                  <td className="hide-narrow">
                    <code className="small" title={`${e.hash} (after ${e.prev_hash})`}>
                      {e.hash.slice(0, 12)}
                    </code>
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

function Actor({ actor }: { actor: Record<string, unknown> }) {
  const name = String(actor.name ?? actor.email ?? actor.user ?? '')
  if (actor.role === 'system') return <span className="muted">Upheld (automatic)</span>
  return (
    <span className="ag-actor">
      {name}
      <span className="muted small">
        {String(actor.role)}, {String(actor.organisation)} · {String(actor.authMethod)}
      </span>
    </span>
  )
}

// What an entry carries that people look for, in a few words.
function Detail({ entry }: { entry: Entry }) {
  const p = (entry.payload ?? {}) as Record<string, unknown>
  const parts: string[] = []
  if (typeof p.edition === 'number') parts.push(`edition ${p.edition}`)
  if (typeof p.revision === 'number' && entry.type === 'revision.saved') parts.push(`revision ${p.revision}`)
  if (typeof p.section === 'string') parts.push(sectionName(p.section))
  if (typeof p.party === 'string') parts.push(`for the ${p.party}`)
  if (typeof p.stage === 'string') parts.push(p.stage)
  if (typeof p.version === 'number') parts.push(`version ${p.version}`)
  // A first revision changes every section; only a later one's changes say something.
  if (Array.isArray(p.changed) && p.changed.length > 0 && p.from !== undefined)
    parts.push(`changed ${p.changed.map((c) => sectionName(String(c))).join(', ')}`)
  const quote = [p.reason, p.body, p.note].find((x): x is string => typeof x === 'string')
  return (
    <span className="small">
      {parts.length > 0 && <span className="muted">{parts.join(' · ')}</span>}
      {quote && <span className="ag-quote">“{quote}”</span>}
    </span>
  )
}
