// Who is escalated next and when, from the ticket's running clocks; then the whole escalation
// path of the agreement and its problem-referral levels.
import { formatDuration, Time } from '../../components/time.tsx'
import type { Timeline } from './ticket-data.ts'
import { metricLabel, percent } from './words.ts'

type Contact = Timeline['referral'][number]['contact']

function Who({ contact }: { contact: Contact }) {
  return (
    <span>
      {contact.name}
      {contact.role && <span className="muted"> ({contact.role.replaceAll('-', ' ')})</span>}
    </span>
  )
}

const people = (list: Contact[]) =>
  list.length === 0 ? (
    <span className="muted">nobody named</span>
  ) : (
    list.map((c, i) => (
      <span key={c.id}>
        {i > 0 && ', '}
        <Who contact={c} />
      </span>
    ))
  )

export function Escalations({ timeline, now }: { timeline: Timeline; now: number }) {
  const next = timeline.next_escalations
  const running = timeline.clocks.some((c) => c.state === 'running')
  return (
    <>
      <h3>Next</h3>
      {next.length === 0 ? (
        <p className="muted">
          {running
            ? 'No escalation is due: the escalation path does not cover this ticket’s severity and clocks, or every level has been sent.'
            : 'No escalation is due while no clock runs.'}
        </p>
      ) : (
        <ol className="tk-next">
          {next.map((n) => {
            const at = Date.parse(n.at)
            return (
              <li key={`${n.agreement}/${n.metric}/${n.cycle}/${n.level}`}>
                <strong>Level {n.level}</strong>: {people(n.notify)}
                <div className="small">
                  at {percent(n.percent)} of {metricLabel(n.metric).toLowerCase()}, <Time at={n.at} />{' '}
                  <span className="muted">
                    ({at > now ? `in ${formatDuration(at - now)}` : 'due now; waiting to be sent'})
                  </span>
                </div>
              </li>
            )
          })}
        </ol>
      )}
      {timeline.escalation_matrix.length > 0 && (
        <>
          <h3>Escalation path</h3>
          <div className="table-wrap">
            <table className="small">
              <thead>
                <tr>
                  <th scope="col">Level</th>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                </tr>
              </thead>
              <tbody>
                {timeline.escalation_matrix.map((m) => (
                  <tr key={`${m.version}/${m.level}`}>
                    <td>{m.level}</td>
                    <td>
                      {percent(m.percent)} of {metricLabel(m.metric).toLowerCase()}
                      <div className="muted">{m.severities.join(', ')}</div>
                    </td>
                    <td>{people(m.notify)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {timeline.referral.length > 0 && (
        <>
          <h3>Problem referral</h3>
          <ol className="tk-referral small">
            {timeline.referral.map((r) => (
              <li key={`${r.agreement}/${r.level}`}>
                <strong>{r.level}</strong>: <Who contact={r.contact} />
                {r.channel && <span className="muted"> by {r.channel}</span>}
                {r.contact.email && (
                  <div>
                    <a href={`mailto:${r.contact.email}`}>{r.contact.email}</a>
                    {r.contact.phone && <span className="muted"> · {r.contact.phone}</span>}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  )
}
