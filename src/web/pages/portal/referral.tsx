// Who to turn to: the agreement's problem-referral contacts level by level, with how to reach
// each and whether their line is open now; and the escalation path the provider follows when a
// ticket is not resolved in time.
import { Link } from 'react-router'
import { formatInstant, viewerZone } from '../../components/time.tsx'
import { hoursWords, isAroundTheClock, openState } from './hours.ts'
import {
  type Channel,
  type Contact,
  calendarSpec,
  escalationOf,
  type PlanAgreement,
  referralOf,
} from './plan.ts'
import { durationWords, metricLabel, roleWords } from './words.ts'

/** `18:00` today, `Mon 08:00` within a week, the full instant beyond; in the viewer's zone. */
export function When({ at, zone }: { at: number; zone?: string }) {
  const date = new Date(at)
  const days = Math.abs(at - Date.now()) / 86_400_000
  const options: Intl.DateTimeFormatOptions =
    days < 0.5 && new Date().toDateString() === date.toDateString()
      ? { hour: '2-digit', minute: '2-digit' }
      : days < 6
        ? { weekday: 'short', hour: '2-digit', minute: '2-digit' }
        : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
  const text = new Intl.DateTimeFormat(undefined, { ...options, timeZone: viewerZone }).format(date)
  const title = zone && zone !== viewerZone ? `${formatInstant(date, zone)} (${zone})` : formatInstant(date)
  return (
    <time dateTime={date.toISOString()} title={title}>
      {text}
    </time>
  )
}

function phoneOf(contact: Contact | undefined, channel: Channel | undefined): string | undefined {
  return channel?.kind === 'phone' ? channel.address : contact?.phone
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}

function OpenNow({
  agreement,
  calendarId,
  now,
}: {
  agreement: PlanAgreement
  calendarId?: string
  now: number
}) {
  const calendar = calendarId === undefined ? undefined : agreement.policy.calendars.get(calendarId)
  const spec = calendarSpec(agreement, calendarId)
  if (!calendar || !spec) return null
  const state = openState(calendar, now)
  if (isAroundTheClock(spec)) return <p className="portal-hours small muted">Around the clock (24×7).</p>
  return (
    <p className="portal-hours small">
      {state.open ? (
        <span className="badge ok">Open now</span>
      ) : (
        <span className="badge neutral">Closed now</span>
      )}{' '}
      {state.open && state.until !== null && (
        <>
          until <When at={state.until} zone={spec.timezone} />.{' '}
        </>
      )}
      {!state.open && state.opens !== null && (
        <>
          Opens <When at={state.opens} zone={spec.timezone} />.{' '}
        </>
      )}
      <span className="muted">Hours: {hoursWords(spec)}.</span>
    </p>
  )
}

function ContactWays({ contact, channel }: { contact: Contact | undefined; channel: Channel | undefined }) {
  const phone = phoneOf(contact, channel)
  const email = channel?.kind === 'email' ? channel.address : contact?.email
  const other = channel && !['phone', 'email'].includes(channel.kind) ? channel : undefined
  return (
    <ul className="portal-ways">
      {phone && (
        <li>
          Phone <a href={telHref(phone)}>{phone}</a>
        </li>
      )}
      {email && (
        <li>
          Email <a href={`mailto:${email}`}>{email}</a>
        </li>
      )}
      {other && (
        <li>
          {roleWords(other.kind)}{' '}
          {/^https?:/.test(other.address) ? <a href={other.address}>{other.address}</a> : other.address}
        </li>
      )}
    </ul>
  )
}

/** ` · Support lead`, unless the name says it already (`Service desk`). */
function RoleOf({ contact }: { contact: Contact | undefined }) {
  if (!contact) return null
  const role = roleWords(contact.role)
  if (contact.name.toLowerCase() === role.toLowerCase()) return null
  return <span className="muted"> · {role}</span>
}

/** The first referral contact, with how to reach them and their hours: "who to call". */
export function CallCard({
  agreement,
  now,
  compact,
}: {
  agreement: PlanAgreement
  now: number
  compact?: boolean
}) {
  const first = referralOf(agreement)[0]
  const Heading = compact ? 'h3' : 'h2'
  return (
    <section className="card portal-call" aria-labelledby="call-title">
      <Heading id="call-title">{compact ? 'Urgent? Call us as well' : 'Who to call'}</Heading>
      {first ? (
        <>
          <p className="portal-call-name">
            <strong>{first.contact?.name ?? first.contactId}</strong>
            <RoleOf contact={first.contact} />
          </p>
          <ContactWays contact={first.contact} channel={first.channel} />
          <OpenNow
            agreement={agreement}
            calendarId={first.channel?.calendar ?? first.contact?.calendar}
            now={now}
          />
          {!compact && (
            <p className="small portal-call-more">
              <Link to="/agreement">Every contact, the support hours and the escalation path</Link>
            </p>
          )}
        </>
      ) : (
        <p className="muted">
          Your agreement names no problem-referral contact. Report a problem here: the clocks start as soon as
          you send it.
        </p>
      )}
    </section>
  )
}

export function ReferralList({ agreement, now }: { agreement: PlanAgreement; now: number }) {
  const steps = referralOf(agreement)
  if (steps.length === 0)
    return (
      <p className="muted">
        The agreement names no problem-referral contacts. Report problems in this portal; they reach the
        provider's service desk at once.
      </p>
    )
  return (
    <ol className="portal-referral">
      {steps.map((s, i) => (
        <li key={s.level}>
          <p className="portal-referral-head">
            <span className="badge neutral">{s.level}</span> <strong>{s.contact?.name ?? s.contactId}</strong>
            <RoleOf contact={s.contact} />
            {i === 0 && <span className="muted"> · first point of contact</span>}
          </p>
          <ContactWays contact={s.contact} channel={s.channel} />
          <OpenNow agreement={agreement} calendarId={s.channel?.calendar ?? s.contact?.calendar} now={now} />
        </li>
      ))}
    </ol>
  )
}

/** When a step fires, in words: `At 75% of the resolution target`, `When the resolution target is missed`. */
function stepWhen(step: { at: string; metric: string }): string {
  const share = Number.parseFloat(step.at)
  const target = `${metricLabel(step.metric).toLowerCase()} target`
  if (share === 100) return `When the ${target} is missed`
  return share > 100
    ? `At ${step.at} of the ${target}, after it was missed`
    : `At ${step.at} of the ${target}`
}

/** The escalation matrix as steps: who is told, and after how long for each severity. */
export function EscalationSteps({ agreement }: { agreement: PlanAgreement }) {
  const steps = escalationOf(agreement)
  const names = new Map((agreement.agreement.spec.severities ?? []).map((s) => [s.id, s.name]))
  if (steps.length === 0)
    return <p className="muted">The agreement sets no escalation path: tickets stay with the service desk.</p>
  return (
    <ol className="portal-steps">
      {steps.map((step) => (
        <li key={step.level}>
          <span className="portal-step-number" aria-hidden="true">
            {step.level}
          </span>
          <div>
            <p className="portal-step-title">
              <span className="portal-sr-only">Level {step.level}: </span>
              {step.contacts.map(({ id, contact }, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <strong>{contact?.name ?? id}</strong>
                  <RoleOf contact={contact} />
                </span>
              ))}
            </p>
            <p className="small muted">{stepWhen(step)}:</p>
            <ul className="portal-plain-list">
              {step.after.map((a) => (
                <li key={a.severity}>
                  <strong>{a.severity}</strong>
                  {names.get(a.severity) ? ` ${names.get(a.severity)}` : ''}: after{' '}
                  {durationWords(a.ms, !isAroundTheClock(a.calendar))}
                </li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  )
}
