// A small valid agreement, as text, for tests that break it one way at a time.
export const BASE_AGREEMENT = `apiVersion: upheld/v1
kind: ServiceLevelAgreement
metadata:
  id: base
  title: Base agreement
spec:
  parties:
    provider: { id: prov, name: Provider Ltd, signatory: c-prov }
    customer: { id: cust, name: Customer plc, signatory: c-cust }
  term:
    effectiveFrom: 2026-01-01
    effectiveTo: 2026-12-31
  services:
    - { id: portal, name: Portal, components: [web, api] }
  calendars:
    - id: business
      timezone: Europe/London
      week:
        mon: [["09:00", "17:00"]]
        fri: [["09:00", "17:00"]]
    - { id: always, timezone: UTC, week: 24x7 }
  severities:
    - { id: P1, rank: 1, name: Critical, definition: Down for everyone. }
    - { id: P2, rank: 2, name: High, definition: Degraded. }
  targets:
    - { severity: P1, metric: first_response, within: 30m, calendar: always, goal: 95% }
    - { severity: P1, metric: resolution, within: 4h, calendar: always, goal: 90% }
    - { severity: P2, metric: first_response, within: 2h, calendar: business, goal: 95% }
    - { severity: P2, metric: resolution, within: 16h, calendar: business, goal: 90% }
  availability:
    - { id: up, service: portal, target: 99.9%, period: month, noData: exclude, exclude: [maintenance] }
  credits:
    basis: { monthlyFee: { amount: 1000, currency: GBP } }
    cap: 25%
    availability:
      - { objective: up, below: 99.9%, credit: 5% }
  escalation:
    - { level: 1, severities: [P1], metric: resolution, at: 75%, notify: [c-prov] }
  contacts:
    - { id: c-prov, name: Pat Provider, org: prov, role: service-owner, email: pat@prov.example }
    - { id: c-cust, name: Cas Customer, org: cust, role: customer-representative, email: cas@cust.example }
  reporting: { every: month, to: [c-cust] }
`

/** The base text with one exact substring replaced; fails loudly if the substring is gone. */
export function breakBase(from: string, to: string): string {
  if (!BASE_AGREEMENT.includes(from)) throw new Error(`the base agreement has no ${JSON.stringify(from)}`)
  return BASE_AGREEMENT.replace(from, to)
}
