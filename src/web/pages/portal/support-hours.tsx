// The agreement's support hours: each calendar in words with whether it is open now, the coming
// days whose hours differ (holidays, shortened days), and the channels with the hours they keep.
import type { CalendarSpec } from '../../../domain/calendar-spec.ts'
import { hoursWords, isAroundTheClock, openState, upcomingExceptions } from './hours.ts'
import { calendarSpec, type PlanAgreement } from './plan.ts'
import { When } from './referral.tsx'
import { roleWords } from './words.ts'

const DAY = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})

export function SupportHours({ agreement, now }: { agreement: PlanAgreement; now: number }) {
  const spec = agreement.agreement.spec
  const calendars = (spec.calendars ?? []).map((c) => calendarSpec(agreement, c.id)!)
  const channels = spec.channels ?? []
  return (
    <>
      <ul className="portal-calendars">
        {calendars.map((c) => (
          <CalendarItem key={c.id} agreement={agreement} spec={c} now={now} />
        ))}
      </ul>
      {channels.length > 0 && (
        <>
          <h3>Ways to reach support</h3>
          <ul className="portal-channels">
            {channels.map((ch) => {
              const cal = calendarSpec(agreement, ch.calendar)
              return (
                <li key={ch.id}>
                  <span className="portal-channel-kind">{roleWords(ch.kind)}</span>{' '}
                  <span className="portal-address">{address(ch.kind, ch.address)}</span>
                  <span className="muted small"> · {cal ? hoursWords(cal) : ch.calendar}</span>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </>
  )
}

function address(kind: string, text: string) {
  if (kind === 'phone') return <a href={`tel:${text.replace(/[^\d+]/g, '')}`}>{text}</a>
  if (kind === 'email') return <a href={`mailto:${text}`}>{text}</a>
  if (/^https?:\/\//.test(text)) return <a href={text}>{text.replace(/^https?:\/\//, '')}</a>
  return text
}

function CalendarItem({
  agreement,
  spec,
  now,
}: {
  agreement: PlanAgreement
  spec: CalendarSpec
  now: number
}) {
  const calendar = agreement.policy.calendars.get(spec.id ?? '')
  if (!calendar) return null
  const state = openState(calendar, now)
  const exceptions = upcomingExceptions(spec, calendar, now)
  const name = spec.name ?? roleWords(spec.id ?? 'hours')
  return (
    <li>
      <p>
        <strong>{name}</strong>: {hoursWords(spec)}.{' '}
        {isAroundTheClock(spec) ? null : state.open ? (
          <span className="badge ok">Open now</span>
        ) : (
          <span className="badge neutral">Closed now</span>
        )}
        {!state.open && state.opens !== null && (
          <span className="small">
            {' '}
            opens <When at={state.opens} zone={spec.timezone} />
          </span>
        )}
      </p>
      {exceptions.length > 0 && (
        <p className="small muted">
          Coming days with other hours:{' '}
          {exceptions
            .map(
              (e) =>
                `${DAY.format(Date.parse(`${e.date}T00:00:00Z`))} ${e.hours.length === 0 ? 'closed' : e.hours.join(', ')}`,
            )
            .join('; ')}
          .
        </p>
      )}
    </li>
  )
}
