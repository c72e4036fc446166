// Seed 003: an IT support agreement built by a workflow: service needs, stakeholders,
// responsibilities of both parties, KPIs and reporting, constraints, terms and costs,
// communication, escalation, then approvals, signature and distribution.
import type { Template } from './template.ts'

const yaml = `# IT support agreement (template "it-support-agreement").
# Fill in every {{…}} placeholder; "upheld validate" lists any that are left.
apiVersion: upheld/v1
kind: ServiceLevelAgreement
metadata:
  id: "{{agreement-id}}"
  title: IT Support Agreement
  template: { id: it-support-agreement, version: "1" }

spec:
  parties:
    provider: { id: "{{provider-id}}", name: "{{provider-name}}", signatory: c-it-manager }
    customer: { id: "{{customer-id}}", name: "{{customer-name}}", signatory: c-executive }

  term:
    effectiveFrom: "{{effective-from}}"
    effectiveTo: "{{effective-to}}"
    renewal: { type: express, notice: P60D, renewalTerm: P12M }
    review: { every: P12M, owner: c-it-manager, triggers: [scope-change] }

  purpose: >
    Record the IT support that {{provider-name}} gives {{customer-name}}: the services, who is
    responsible for what, how performance is measured and reported, the costs, how the parties
    communicate and how problems are escalated.
  scope:
    inScope:
      - { id: in-hardware, description: "Desktop and laptop hardware, printers and peripherals" }
      - { id: in-software, description: "Office software, line-of-business applications and their updates" }
      - { id: in-network, description: "Office network, Wi-Fi and remote access" }
      - { id: in-security, description: "Endpoint security, patching and account management" }
    outOfScope:
      - { id: out-projects, description: "New projects, which are quoted separately" }

  services:
    - { id: desktop, name: Desktop support, components: [hardware, software] }
    - { id: network, name: Network and remote access }

  environment:
    description: The organisation's current IT infrastructure, recorded when the service needs were identified.
    software:
      - { id: sw-office, name: Office suite, vendor: "{{office-vendor}}", version: current }
    hardware:
      - { id: hw-endpoints, name: "Staff laptops and desktops ({{endpoint-count}})", kind: endpoints }

  stakeholders:
    - { id: s-it, contact: c-it-manager, group: it-managers, interest: Delivers the service and reports on it. }
    - { id: s-heads, contact: c-department-head, group: department-heads, interest: Their teams depend on the service. }
    - { id: s-exec, contact: c-executive, group: executives, interest: Approves the agreement and its costs. }

  responsibilities:
    - { area: provider, contact: c-it-manager, party: provider, description: Delivers the services and meets the service levels. }
    - { area: customer, contact: c-department-head, party: customer, description: "Gives access, information and resources on time, and names a contact per department." }

  calendars:
    - id: office
      timezone: "{{timezone}}"
      week:
        mon: [["09:00", "17:00"]]
        tue: [["09:00", "17:00"]]
        wed: [["09:00", "17:00"]]
        thu: [["09:00", "17:00"]]
        fri: [["09:00", "17:00"]]
    - { id: always, timezone: "{{timezone}}", week: 24x7 }

  channels:
    - { id: email, kind: email, address: "{{support-email}}", calendar: office }
    - { id: portal, kind: portal, address: "{{portal-url}}", calendar: always }

  severities:
    - { id: P1, rank: 1, name: Urgent, definition: Many people cannot work. }
    - { id: P2, rank: 2, name: Normal, definition: One person cannot work or a function is impaired. }
    - { id: P3, rank: 3, name: Request, definition: "A change, an installation or a question." }

  targets:
    - { severity: P1, metric: first_response, within: 30m, calendar: always, goal: 95% }
    - { severity: P1, metric: resolution, within: 8h, calendar: always, goal: 90% }
    - { severity: P2, metric: first_response, within: 2h, calendar: office, goal: 90% }
    - { severity: P2, metric: resolution, within: 16h, calendar: office, goal: 85% }
    - { severity: P3, metric: first_response, within: 8h, calendar: office, goal: 90% }
    - { severity: P3, metric: resolution, within: 40h, calendar: office, goal: 80% }

  clock:
    pauseOn: [waiting_on_customer]

  availability:
    - { id: network-uptime, service: network, target: 99.5%, period: month, noData: exclude, exclude: [maintenance] }

  kpis:
    - { id: k-response, name: Response time, measure: response-time, target: As in the targets by severity }
    - { id: k-resolution, name: Resolution time, measure: resolution-time, target: As in the targets by severity }
    - { id: k-satisfaction, name: Customer satisfaction rating, measure: satisfaction, target: 4 out of 5 on average }
    - { id: k-incidents, name: Number of incidents reported, measure: incident-count }
    - { id: k-uptime, name: Up-time percentage, measure: uptime, target: 99.5% a month for the network }

  reporting:
    every: month
    to: [c-it-manager, c-executive]
    include: [first_response, resolution, satisfaction, incidents, availability]

  constraints:
    - { id: c-budget, text: Work beyond the monthly hours included in the fee is charged separately. }
    - { id: c-hours, text: On-site visits happen in office hours only. }

  costs:
    fee: { amount: "{{monthly-fee}}", currency: "{{currency}}" }
    per: month
    pricing: A fixed monthly fee covers the services in scope; projects are quoted separately.

  communication:
    methods: [in-person, online-collaboration, email, report]
    frequency: P1M
    meetings: A monthly service review between the IT manager and the department heads.

  escalation:
    - { level: 1, severities: [P1, P2], metric: resolution, at: 75%, notify: [c-it-manager] }
    - { level: 2, severities: [P1], metric: resolution, at: 100%, notify: [c-executive] }

  contacts:
    - { id: c-it-manager, name: "{{it-manager-name}}", org: "{{provider-id}}", role: service-owner, email: "{{it-manager-email}}" }
    - { id: c-executive, name: "{{executive-name}}", org: "{{customer-id}}", role: management, email: "{{executive-email}}" }
    - { id: c-department-head, name: "{{department-head-name}}", org: "{{customer-id}}", role: customer-representative, email: "{{department-head-email}}" }
    - { id: c-legal, name: Legal team, org: "{{customer-id}}", role: legal, email: "{{legal-email}}" }
    - { id: c-service-desk, name: Service desk, org: "{{provider-id}}", role: service-desk, email: "{{support-email}}" }

  referral:
    - { level: L1, contact: c-service-desk, channel: email }
    - { level: L2, contact: c-it-manager }

  approvals:
    management: [c-executive]
    legal: [c-legal]
    final: [c-executive]

  departments:
    - { id: d-it, name: IT department }
    - { id: d-finance, name: Finance department }
    - { id: d-hr, name: HR department }
    - { id: d-operations, name: Operations department }
`

export const itSupportAgreement: Template = {
  id: 'it-support-agreement',
  title: 'IT support agreement',
  kind: 'ServiceLevelAgreement',
  seeds: ['003'],
  description:
    'Service needs, stakeholders, responsibilities of both parties, KPIs and reporting, constraints, terms and costs, communication, escalation, approval and distribution.',
  placeholders: [
    { id: 'agreement-id', type: 'id', prompt: 'An id for this agreement', example: 'office-it-support' },
    { id: 'provider-id', type: 'id', prompt: 'Id of the IT provider', example: 'it-partner' },
    { id: 'provider-name', type: 'text', prompt: 'Name of the IT provider', example: 'IT Partner Ltd' },
    { id: 'customer-id', type: 'id', prompt: 'Id of the organisation supported', example: 'example-org' },
    {
      id: 'customer-name',
      type: 'text',
      prompt: 'Name of the organisation supported',
      example: 'Example Organisation',
    },
    { id: 'effective-from', type: 'date', prompt: 'First day (YYYY-MM-DD)', example: '2026-01-01' },
    { id: 'effective-to', type: 'date', prompt: 'Last day (YYYY-MM-DD)', example: '2026-12-31' },
    { id: 'timezone', type: 'timezone', prompt: 'Time zone of the office (IANA)', example: 'Europe/Dublin' },
    { id: 'office-vendor', type: 'text', prompt: 'Vendor of the office suite', example: 'Example Office' },
    { id: 'endpoint-count', type: 'number', prompt: 'Number of laptops and desktops', example: '120' },
    { id: 'support-email', type: 'email', prompt: 'Support email', example: 'support@it-partner.example' },
    {
      id: 'portal-url',
      type: 'url',
      prompt: 'Support portal URL',
      example: 'https://support.it-partner.example',
    },
    { id: 'monthly-fee', type: 'number', prompt: 'Monthly fee', example: '4500' },
    { id: 'currency', type: 'text', prompt: 'Currency (ISO 4217)', example: 'EUR' },
    {
      id: 'it-manager-name',
      type: 'text',
      prompt: "Provider's IT manager (signatory)",
      example: 'Ivo Manager',
    },
    {
      id: 'it-manager-email',
      type: 'email',
      prompt: "IT manager's email",
      example: 'ivo@it-partner.example',
    },
    {
      id: 'executive-name',
      type: 'text',
      prompt: 'Executive who approves and signs',
      example: 'Eve Executive',
    },
    { id: 'executive-email', type: 'email', prompt: "Executive's email", example: 'eve@example-org.example' },
    {
      id: 'department-head-name',
      type: 'text',
      prompt: 'Department head representing the users',
      example: 'Dan Head',
    },
    {
      id: 'department-head-email',
      type: 'email',
      prompt: "Department head's email",
      example: 'dan@example-org.example',
    },
    { id: 'legal-email', type: 'email', prompt: "Legal team's email", example: 'legal@example-org.example' },
  ],
  outline: {
    id: 'it-support-agreement',
    title: 'IT Support Agreement',
    headings: [
      {
        number: '1',
        title: 'IT Service Needs',
        sections: ['parties', 'services', 'scope', 'environment.software', 'environment.hardware'],
      },
      { number: '2', title: 'Key Stakeholders', sections: ['stakeholders'] },
      { number: '3', title: 'Agreement Structure', sections: ['purpose', 'term'] },
      { number: '4', title: 'Responsibilities of Both Parties', sections: ['responsibilities'] },
      {
        number: '5',
        title: 'Measuring and Reporting Service Performance',
        sections: [
          'kpis',
          'calendars',
          'channels',
          'severities',
          'targets',
          'clock',
          'availability',
          'reporting',
        ],
      },
      { number: '6', title: 'Support Constraints', sections: ['constraints'] },
      { number: '7', title: 'Terms of Service and Support Costs', sections: ['costs', 'credits'] },
      { number: '8', title: 'Communication Strategy and Frequency', sections: ['communication'] },
      { number: '9', title: 'Escalation Procedures', sections: ['escalation', 'referral', 'contacts'] },
      { number: '10', title: 'Approval, Signature and Distribution', sections: ['approvals', 'departments'] },
    ],
  },
  yaml,
}
