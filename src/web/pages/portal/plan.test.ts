// The support plan as the portal reads it from the helpdesk agreement: targets and hours in
// words, due times and VIP rules from the domain's own replay, escalation times, periods.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { HELPDESK_SLA } from '../../../actions/test-support/fixtures.ts'
import { parseAgreement } from '../../../domain/agreement/parse-agreement.ts'
import { hoursWords, upcomingExceptions, weekWords } from './hours.ts'
import { currentPeriod, periodName, periodsSince } from './periods.ts'
import {
  agreementFor,
  calendarSpec,
  escalationOf,
  planAgreement,
  previewTicket,
  referralOf,
  servicesOf,
  targetsOf,
} from './plan.ts'
import { targetWords } from './targets.tsx'

const parsed = parseAgreement(HELPDESK_SLA)
assert.ok(parsed.ok)
const helpdesk = planAgreement(
  { id: 'acme-helpdesk', title: 'Helpdesk SLA', version: 1, effective_from: '2026-01-01T00:00:00Z' },
  parsed.agreement,
)!
const plan = [helpdesk]
const at = (iso: string) => Date.parse(iso)
const dueOf = (severity: string, when: string, requester?: string) => {
  const p = previewTicket(
    plan,
    { customer: 'acme', service: 'portal', severity, requester, channel: 'portal' },
    at(when),
  )
  return {
    severity: p?.severity,
    due: Object.fromEntries(
      (p?.due ?? []).map((d) => [d.metric, d.at === null ? null : new Date(d.at).toISOString()]),
    ),
  }
}

describe('the support plan in the portal', () => {
  test('services, and the agreement that measures each', () => {
    assert.deepEqual(
      servicesOf(plan).map((s) => s.name),
      ['Customer portal', 'Hosted email'],
    )
    assert.equal(agreementFor(plan, 'email'), helpdesk)
    assert.equal(agreementFor(plan, undefined), undefined, 'the agreement lists its services')
  })

  test('targets in words, with the hours they run on', () => {
    assert.deepEqual(targetsOf(helpdesk, 'P1').map(targetWords), [
      'First response within 30 minutes, around the clock (24×7)',
      'Updates every hour, around the clock (24×7)',
      'Resolution within 4 hours, around the clock (24×7)',
    ])
    assert.deepEqual(targetsOf(helpdesk, 'P3').map(targetWords), [
      'First response within 4 business hours, Mon–Thu 08:00–18:00, Fri 08:00–17:00 Europe/London',
      'Resolution within 40 business hours, Mon–Thu 08:00–18:00, Fri 08:00–17:00 Europe/London',
    ])
    assert.equal(
      weekWords({ timezone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } }),
      'Mon, Tue 09:00–17:00',
    )
    assert.equal(
      hoursWords({ timezone: 'Asia/Tokyo', week: '24x7', holidays: ['2026-12-31'] }),
      'around the clock (24×7, Asia/Tokyo)',
    )
  })

  test('a ticket raised now: due times from the replay, on business hours and around the clock', () => {
    assert.deepEqual(dueOf('P1', '2026-11-25T10:00:00Z'), {
      severity: 'P1',
      due: { first_response: '2026-11-25T10:30:00.000Z', resolution: '2026-11-25T14:00:00.000Z' },
    })
    // Friday 16:30 in London: half an hour left that day, the rest from Monday 08:00.
    assert.deepEqual(dueOf('P2', '2026-11-27T16:30:00Z').due.first_response, '2026-11-30T09:30:00.000Z')
    // Raised on a Sunday, the business clock starts on Monday morning.
    assert.deepEqual(dueOf('P3', '2026-11-29T12:00:00Z').due.first_response, '2026-11-30T12:00:00.000Z')
  })

  test('a VIP requester is raised a level, as the clocks will do', () => {
    assert.deepEqual(dueOf('P2', '2026-11-25T10:00:00Z', 'CEO@acme.example'), {
      severity: 'P1',
      due: { first_response: '2026-11-25T10:30:00.000Z', resolution: '2026-11-25T14:00:00.000Z' },
    })
  })

  test('the escalation path, each step in time on the clock it follows', () => {
    assert.deepEqual(
      escalationOf(helpdesk).map((s) => [
        s.level,
        s.contacts.map((c) => c.contact?.name),
        s.after.map((a) => [a.severity, a.ms / 3_600_000]),
      ]),
      [
        [
          1,
          ['Mei Tanaka'],
          [
            ['P1', 3],
            ['P2', 12],
          ],
        ],
        [
          2,
          ['Luis Ferreira'],
          [
            ['P1', 4],
            ['P2', 16],
          ],
        ],
        [3, ['Dana Okafor'], [['P1', 8]]],
      ],
    )
    assert.deepEqual(
      referralOf(helpdesk).map((r) => [r.level, r.contact?.name, r.channel?.address]),
      [
        ['L1', 'Service desk', '+44 20 7946 0000'],
        ['L2', 'Mei Tanaka', 'support@example-it.example'],
        ['L3', 'Luis Ferreira', 'support@example-it.example'],
      ],
    )
  })

  test('days with other hours: holidays, a one-off closure and a short day', () => {
    const spec = calendarSpec(helpdesk, 'business')!
    const days = upcomingExceptions(
      spec,
      helpdesk.policy.calendars.get('business')!,
      at('2026-12-20T12:00:00Z'),
      14,
    )
    assert.deepEqual(
      days.map((d) => [d.date, d.hours.join()]),
      [
        ['2026-12-24', ''],
        ['2026-12-25', ''],
        ['2026-12-28', ''],
        ['2026-12-31', '08:00–12:00'],
        ['2027-01-01', ''],
      ],
    )
  })

  test('reporting periods in the agreement’s reporting zone, newest first', () => {
    assert.equal(currentPeriod(helpdesk.agreement, at('2026-11-25T10:00:00Z')), '2026-11')
    assert.deepEqual(
      periodsSince(helpdesk.agreement, at('2026-09-15T00:00:00Z'), at('2026-11-25T10:00:00Z')),
      ['2026-11', '2026-10', '2026-09'],
    )
    assert.match(periodName('2026-Q4'), /^Q4 2026 \(October–December\)$/)
  })
})
