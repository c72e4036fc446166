// Seeds 002 and 004: a helpdesk service level agreement: support hours and channels with their
// response times, severities with response and repair times, VIP users first, customer-caused
// delays that pause the clock, automated replies that do not count, compensation when a level
// is missed, and third parties in scope.
import type { Template } from './template.ts'

const yaml = `# Helpdesk service level agreement (template "helpdesk-sla").
# Fill in every {{…}} placeholder; "upheld validate" lists any that are left.
apiVersion: upheld/v1
kind: ServiceLevelAgreement
metadata:
  id: "{{agreement-id}}"
  title: Helpdesk Service Level Agreement
  template: { id: helpdesk-sla, version: "1" }

spec:
  parties:
    provider: { id: "{{provider-id}}", name: "{{provider-name}}", signatory: c-provider-head }
    customer: { id: "{{customer-id}}", name: "{{customer-name}}", signatory: c-customer-head }

  term:
    effectiveFrom: "{{effective-from}}"
    effectiveTo: "{{effective-to}}"
    renewal: { type: express, notice: P60D, renewalTerm: P12M }
    review:
      every: P6M
      owner: c-service-owner
      triggers: [breach-count, scope-change]
      conditions: The agreement stays in force until a revised agreement, approved by both parties, replaces it.

  purpose: >
    Set the level of helpdesk service that {{provider-name}} gives {{customer-name}}: when and how
    to reach the helpdesk, how fast it responds and repairs by severity, how the levels are
    measured and verified, and what the customer receives when a level is missed.
  objectives:
    - { id: o-response, text: Every request receives a response from a person within the target for its severity. }
    - { id: o-repair, text: Faults are repaired within the repair time for their severity. }
  assumptions:
    - { id: a-information, text: The customer provides the information the helpdesk asks for; time spent waiting for it does not count against the provider. }
  scope:
    inScope:
      - { id: in-phone, description: "Managed phone, email and chat support for the customer's users" }
      - { id: in-fixes, description: "Bug fixes, software and security updates of the services listed" }
      - { id: in-backups, description: System backups of the services listed }
    outOfScope:
      - { id: out-hardware, description: Hardware owned by the customer }

  services:
    - { id: helpdesk, name: Helpdesk, description: The helpdesk and the services it supports }
    - { id: "{{service-id}}", name: "{{service-name}}", url: "{{service-url}}" }

  calendars:
    - id: business
      timezone: "{{timezone}}"
      week:
        mon: [["08:00", "18:00"]]
        tue: [["08:00", "18:00"]]
        wed: [["08:00", "18:00"]]
        thu: [["08:00", "18:00"]]
        fri: [["08:00", "18:00"]]
      holidays: [{ country: "{{country}}" }]
    - { id: always, timezone: "{{timezone}}", week: 24x7 }

  channels:
    - { id: phone, kind: phone, address: "{{helpdesk-phone}}", calendar: business, response: 5m }
    - { id: email, kind: email, address: "{{helpdesk-email}}", calendar: always }
    - { id: chat, kind: chat, address: "{{chat-url}}", calendar: business, response: 5m }

  severities:
    - { id: P1, rank: 1, name: Critical, definition: The service is down for everyone and there is no workaround., examples: [No user can log in] }
    - { id: P2, rank: 2, name: High, definition: A major function is unavailable or badly degraded for many users. }
    - { id: P3, rank: 3, name: Medium, definition: A module does not work as documented and a workaround exists. }
    - { id: P4, rank: 4, name: Low, definition: "A question, a cosmetic defect or a feature request." }

  targets:
    - { severity: P1, metric: first_response, within: 30m, calendar: always, goal: 95% }
    - { severity: P1, metric: periodic_update, every: 1h, calendar: always }
    - { severity: P1, metric: resolution, within: 4h, calendar: always, goal: 90% }
    - { severity: P2, metric: first_response, within: 2h, calendar: business, goal: 95% }
    - { severity: P2, metric: resolution, within: 16h, calendar: business, goal: 90% }
    - { severity: P3, metric: first_response, within: 4h, calendar: business, goal: 90% }
    - { severity: P3, metric: resolution, within: 40h, calendar: business, goal: 85% }
    - { severity: P4, metric: first_response, within: 8h, calendar: business, goal: 90% }
    - { severity: P4, metric: resolution, within: 80h, calendar: business, goal: 80% }

  clock:
    pauseOn: [waiting_on_customer]
    qualifyingResponse: { author: agent, public: true, automated: false }
    onSeverityChange: recompute
    onReopen: resume
    warnAt: [75%, 90%]

  vip:
    - { id: executives, match: { requesters: ["{{vip-email}}"] }, raiseSeverity: 1 }

  responsibilities:
    - { area: operational-support, contact: c-service-desk, party: provider }
    - { area: customer, contact: c-customer-it, party: customer, description: Gives the helpdesk the access and information it needs and confirms fixes. }

  availability:
    - { id: service-uptime, service: "{{service-id}}", target: 99.9%, period: month, noData: exclude, exclude: [maintenance] }
  maintenance:
    - { id: weekly-patching, services: ["{{service-id}}"], rrule: "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0", timezone: "{{timezone}}", duration: 2h, notice: P2D }
  monitoring:
    - { id: m-service, target: "{{service-id}}", kind: uptime, tool: upheld, interval: 1m, notify: [c-support-lead], objective: service-uptime }

  kpis:
    - { id: k-response, name: First response time, measure: response-time, target: As in the targets by severity }
    - { id: k-repair, name: Repair time, measure: resolution-time, target: As in the targets by severity }
    - { id: k-uptime, name: Availability, measure: uptime, target: 99.9% a month }

  credits:
    basis: { monthlyFee: { amount: "{{monthly-fee}}", currency: "{{currency}}" } }
    cap: 25%
    claimWindow: P30D
    claimProcess: The customer claims a credit in writing within the claim window; credits are deducted from the next invoice.
    exclusions: [customer-caused delays, scheduled maintenance, force majeure]
    availability:
      - { objective: service-uptime, below: 99.9%, credit: 5% }
      - { objective: service-uptime, below: 99.0%, credit: 10% }
      - { objective: service-uptime, below: 95.0%, credit: 25% }
    targets:
      - { severity: P1, metric: resolution, missedGoal: true, credit: 5% }

  thirdParties:
    - { id: tp-hosting, name: "{{hosting-provider}}", role: Hosts the service under its own contract; its levels back this agreement. }

  escalation:
    - { level: 1, severities: [P1, P2], metric: resolution, at: 75%, notify: [c-support-lead] }
    - { level: 2, severities: [P1, P2], metric: resolution, at: 100%, notify: [c-service-owner] }
    - { level: 3, severities: [P1], metric: resolution, at: 200%, notify: [c-provider-head] }

  contacts:
    - { id: c-provider-head, name: "{{provider-head-name}}", org: "{{provider-id}}", role: head-of-service, email: "{{provider-head-email}}" }
    - { id: c-service-owner, name: "{{service-owner-name}}", org: "{{provider-id}}", role: service-owner, email: "{{service-owner-email}}" }
    - { id: c-support-lead, name: "{{support-lead-name}}", org: "{{provider-id}}", role: support-lead, email: "{{support-lead-email}}" }
    - { id: c-service-desk, name: Service desk, org: "{{provider-id}}", role: service-desk, email: "{{helpdesk-email}}", phone: "{{helpdesk-phone}}" }
    - { id: c-customer-head, name: "{{customer-head-name}}", org: "{{customer-id}}", role: customer-representative, email: "{{customer-head-email}}" }
    - { id: c-customer-it, name: "{{customer-name}} IT", org: "{{customer-id}}", role: it-department, email: "{{customer-it-email}}" }

  referral:
    - { level: L1, contact: c-service-desk, channel: phone }
    - { level: L2, contact: c-support-lead, channel: email }
    - { level: L3, contact: c-service-owner, channel: email }

  reporting:
    every: month
    to: [c-customer-it, c-service-owner]
    include: [first_response, resolution, availability, satisfaction, incidents, credits]

  references:
    - { id: ref-msa, title: Master service agreement between the parties }
  glossary:
    - { term: Response time, definition: Time from the request to the first reply by a person; automated acknowledgements do not count. }
    - { term: Repair time, definition: "Business time from the request to the fix, less the time spent waiting for the customer." }
`

export const helpdeskSla: Template = {
  id: 'helpdesk-sla',
  title: 'Helpdesk service level agreement',
  kind: 'ServiceLevelAgreement',
  seeds: ['002', '004'],
  description:
    'Support hours and channels, response and repair times by severity, VIP users, paused clocks for customer delays, compensation, third parties.',
  placeholders: [
    { id: 'agreement-id', type: 'id', prompt: 'An id for this agreement', example: 'acme-helpdesk' },
    { id: 'provider-id', type: 'id', prompt: 'Id of the provider', example: 'example-it' },
    { id: 'provider-name', type: 'text', prompt: 'Name of the provider', example: 'Example IT Services Ltd' },
    { id: 'customer-id', type: 'id', prompt: 'Id of the customer', example: 'acme' },
    { id: 'customer-name', type: 'text', prompt: 'Name of the customer', example: 'Acme Corporation' },
    { id: 'service-id', type: 'id', prompt: 'Id of the main service supported', example: 'portal' },
    { id: 'service-name', type: 'text', prompt: 'Name of the main service', example: 'Customer portal' },
    {
      id: 'service-url',
      type: 'url',
      prompt: 'URL of the main service',
      example: 'https://portal.acme.example',
    },
    {
      id: 'effective-from',
      type: 'date',
      prompt: 'First day of the agreement (YYYY-MM-DD)',
      example: '2026-01-01',
    },
    {
      id: 'effective-to',
      type: 'date',
      prompt: 'Last day of the agreement (YYYY-MM-DD)',
      example: '2026-12-31',
    },
    {
      id: 'timezone',
      type: 'timezone',
      prompt: 'Time zone of the helpdesk (IANA)',
      example: 'Europe/London',
    },
    {
      id: 'country',
      type: 'text',
      prompt: 'Country whose public holidays close the helpdesk (ISO code)',
      example: 'GB',
    },
    { id: 'helpdesk-phone', type: 'phone', prompt: "Helpdesk's phone (E.164)", example: '+442079460000' },
    {
      id: 'helpdesk-email',
      type: 'email',
      prompt: "Helpdesk's email",
      example: 'support@example-it.example',
    },
    {
      id: 'chat-url',
      type: 'url',
      prompt: 'Live chat URL',
      example: 'https://support.example-it.example/chat',
    },
    {
      id: 'vip-email',
      type: 'email',
      prompt: 'Email of a VIP user served first',
      example: 'ceo@acme.example',
    },
    { id: 'monthly-fee', type: 'number', prompt: 'Monthly fee (the basis of credits)', example: '12000' },
    { id: 'currency', type: 'text', prompt: 'Currency (ISO 4217)', example: 'GBP' },
    {
      id: 'hosting-provider',
      type: 'text',
      prompt: 'Third party hosting the service',
      example: 'Example Cloud',
    },
    {
      id: 'provider-head-name',
      type: 'text',
      prompt: "Provider's head of service (signatory)",
      example: 'Dana Okafor',
    },
    {
      id: 'provider-head-email',
      type: 'email',
      prompt: "Provider head's email",
      example: 'dana@example-it.example',
    },
    { id: 'service-owner-name', type: 'text', prompt: 'Service owner', example: 'Luis Ferreira' },
    {
      id: 'service-owner-email',
      type: 'email',
      prompt: "Service owner's email",
      example: 'luis@example-it.example',
    },
    { id: 'support-lead-name', type: 'text', prompt: 'Support lead', example: 'Mei Tanaka' },
    {
      id: 'support-lead-email',
      type: 'email',
      prompt: "Support lead's email",
      example: 'mei@example-it.example',
    },
    {
      id: 'customer-head-name',
      type: 'text',
      prompt: "Customer's representative (signatory)",
      example: 'Ruth Mensah',
    },
    {
      id: 'customer-head-email',
      type: 'email',
      prompt: "Customer representative's email",
      example: 'ruth@acme.example',
    },
    {
      id: 'customer-it-email',
      type: 'email',
      prompt: "Customer IT department's email",
      example: 'it@acme.example',
    },
  ],
  outline: {
    id: 'helpdesk-sla',
    title: 'Helpdesk Service Level Agreement',
    headings: [
      { number: '1', title: 'Parties and Purpose', sections: ['parties', 'purpose', 'objectives'] },
      { number: '2', title: 'Scope and Assumptions', sections: ['scope', 'services', 'assumptions'] },
      { number: '3', title: 'Support Hours and Channels', sections: ['calendars', 'channels'] },
      { number: '4', title: 'Severity Definitions', sections: ['severities'] },
      { number: '5', title: 'Response and Repair Times', sections: ['targets', 'clock'] },
      { number: '6', title: 'VIP Users', sections: ['vip'] },
      { number: '7', title: 'Responsibilities of the Parties', sections: ['responsibilities'] },
      {
        number: '8',
        title: 'Availability, Maintenance and Monitoring',
        sections: ['availability', 'maintenance', 'monitoring'],
      },
      { number: '9', title: 'Measuring, Verifying and Reporting', sections: ['kpis', 'reporting'] },
      { number: '10', title: 'Compensation', sections: ['credits'] },
      { number: '11', title: 'Third Parties', sections: ['thirdParties'] },
      { number: '12', title: 'Escalation and Contacts', sections: ['escalation', 'referral', 'contacts'] },
      { number: '13', title: 'Term, Review and Revision', sections: ['term'] },
      { number: '14', title: 'References and Glossary', sections: ['references', 'glossary'] },
    ],
  },
  yaml,
}
