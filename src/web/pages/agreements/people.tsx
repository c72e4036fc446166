// Who approves and who signs the edition (the contacts its revision names), and where each
// stage and signature stands; then every edition the agreement has had.
import { Time } from '../../components/time.tsx'
import type { CurrentEdition, Lifecycle } from './agreement-data.ts'
import { StateBadge } from './words.tsx'

type Contact = { contact: string; name: string; email?: string }
const STAGES = [
  ['management', 'Management approval', 'management_approval'],
  ['legal', 'Legal review', 'legal_review'],
  ['final', 'Final approval', 'final_approval'],
] as const

function Person({ c }: { c: Contact }) {
  return (
    <span>
      {c.name}{' '}
      <span className="muted small">
        ({c.contact}
        {c.email ? `, ${c.email}` : ''})
      </span>
    </span>
  )
}

export function ApproversAndSignatories({
  lifecycle,
  current,
}: {
  lifecycle: Lifecycle
  current: CurrentEdition
}) {
  const roles = lifecycle.roles
  if (!roles) return null
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">Approvals and signatures</h2>
      <div className="table-wrap">
        <table className="ag-table">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Who may</th>
              <th scope="col">Where it stands</th>
            </tr>
          </thead>
          <tbody>
            {STAGES.map(([stage, label, state]) => {
              const given = current.approvals.find((a) => a.stage === stage)
              const named = roles.approvers[stage]
              return (
                <tr key={stage}>
                  <th scope="row">{label}</th>
                  <td>
                    {named.length === 0 ? (
                      <span className="muted">An admin (the agreement names nobody)</span>
                    ) : (
                      <ul className="ag-plain">
                        {named.map((c) => (
                          <li key={c.contact}>
                            <Person c={c} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {given ? (
                      <>
                        <span className="badge ok">Approved</span>{' '}
                        <span className="small">
                          {named.find((c) => c.contact === given.approver)?.name ?? given.user},{' '}
                          <Time at={given.at} />
                        </span>
                      </>
                    ) : current.state === state ? (
                      <span className="badge warn">Awaiting</span>
                    ) : (
                      <span className="muted">Not yet</span>
                    )}
                  </td>
                </tr>
              )
            })}
            {(['provider', 'customer'] as const).map((party) => {
              const signatory = roles.signatories[party]
              const signature = current.signatures.find((s) => s.party === party)
              return (
                <tr key={party}>
                  <th scope="row">Signature for the {party}</th>
                  <td>
                    {signatory ? (
                      <Person c={signatory} />
                    ) : (
                      <span className="field-error">Nobody is named</span>
                    )}
                  </td>
                  <td>
                    {signature ? (
                      <>
                        <span className="badge ok">Signed</span>{' '}
                        <span className="small">
                          {signature.name}, <Time at={signature.at} /> ({signature.auth_method})
                        </span>
                      </>
                    ) : current.state === 'signing' ? (
                      <span className="badge warn">Awaiting</span>
                    ) : (
                      <span className="muted">Not yet</span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export function Editions({ lifecycle }: { lifecycle: Lifecycle }) {
  if (lifecycle.editions.length < 2) return null
  return (
    <section aria-labelledby="editions-title">
      <h2 id="editions-title">Editions</h2>
      <div className="table-wrap">
        <table className="ag-table">
          <thead>
            <tr>
              <th scope="col">Edition</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Revision
              </th>
              <th scope="col" className="num">
                Version
              </th>
              <th scope="col">Effective</th>
              <th scope="col" className="hide-narrow">
                Since
              </th>
            </tr>
          </thead>
          <tbody>
            {[...lifecycle.editions].reverse().map((e) => (
              <tr key={e.edition}>
                <th scope="row">{e.edition}</th>
                <td>
                  <StateBadge state={e.state} />
                </td>
                <td className="num">{e.revision}</td>
                <td className="num">{e.version ?? '—'}</td>
                <td>
                  <Time at={e.effective_at} />
                </td>
                <td className="hide-narrow">
                  <Time at={e.since} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
