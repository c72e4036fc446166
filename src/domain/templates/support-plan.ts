// Seed 000: the support plan of a national civil registration and vital statistics (CRVS)
// system, with the seed's headings and numbering.
import type { Template } from './template.ts'

const yaml = `# Support plan for a national CRVS system (template "support-plan").
# Fill in every {{…}} placeholder; "upheld validate" lists any that are left.
apiVersion: upheld/v1
kind: SupportPlan
metadata:
  id: "{{plan-id}}"
  title: "{{system-name}} Support Plan"
  template: { id: support-plan, version: "1" }

spec:
  parties:
    provider: { id: "{{provider-id}}", name: "{{provider-name}}", signatory: c-provider-head }
    customer: { id: "{{customer-id}}", name: "{{customer-name}}", signatory: c-customer-head }

  term:
    effectiveFrom: "{{effective-from}}"
    effectiveTo: "{{effective-to}}"
    renewal: { type: express, notice: P90D, renewalTerm: P12M }
    review:
      every: P6M
      owner: c-service-manager
      triggers: [major-release, major-incident, scope-change]
      conditions: The plan is reviewed every six months, after every major release of the system, and after any major incident.

  purpose: >
    Define the levels of ongoing support for {{system-name}}, hardware and software, and name the
    people and organisations responsible for providing it.

  objectives:
    - { id: o-monitoring, text: "{{system-name}} is monitored around the clock, every day of the year." }
    - { id: o-continuity, text: A business continuity plan is in place and is tested every year. }
    - { id: o-upgrades, text: Upgrades of software or hardware interrupt registration as little as possible. }
  assumptions:
    - { id: a-hours, text: "Registration offices work Monday to Friday, 08:00 to 17:00 local time." }

  strategy: >
    The plan stays in force for the agreed term and is revised at each review. Changes and new
    releases follow the release process in section 5.3.

  services:
    - { id: crvs, name: "{{system-name}}", url: "{{system-url}}", components: [registration, certificates, statistics, database] }

  environments:
    - { id: production, purpose: Live registrations }
    - { id: training, purpose: Training of registrars }
    - { id: testing, purpose: Acceptance and regression testing }
    - { id: development, purpose: Development and maintenance }

  environment:
    software:
      - { id: sw-app, name: "{{system-name}} application", vendor: "{{vendor-name}}", version: "1.0" }
    hardware:
      - { id: hw-primary, name: Primary application and database server, location: Primary data centre, owner: c-sysadmin }
    databases:
      - { id: db-main, engine: PostgreSQL, version: "16", environment: production, personalData: true, backup: b-nightly }
    dataExchange:
      - { id: dx-health, counterpart: Health facilities (birth and death notifications), direction: in, protocol: api, format: FHIR, schedule: real-time, personalData: true, encryptedInTransit: true, owner: c-service-manager }
      - { id: dx-statistics, counterpart: National statistics office, direction: out, protocol: sftp, format: CSV, schedule: monthly, encryptedInTransit: true, owner: c-service-manager }

  responsibilities:
    - { area: software-maintenance, contact: c-vendor-support }
    - { area: system-administration, contact: c-sysadmin }
    - { area: operational-support, contact: c-service-desk }
    - { area: database-administration, contact: c-dba }
    - { area: data-exchange, contact: c-service-manager }

  licenses:
    - { id: l-app, product: "{{system-name}} application", vendor: "{{vendor-name}}", type: subscription, metric: site, quantity: 1, start: "{{effective-from}}", expiry: "{{effective-to}}", autoRenew: true, renewalOwner: c-service-manager, renewalLeadTime: P60D }

  security:
    classification: restricted
    personalData: true
    dataCategories: [births, deaths, marriages, identity]
    encryption: { atRest: true, inTransit: true }
    access: { mfaRequired: true, reviewEvery: P3M, restrictions: Only registrars and named administrators may view or change records. }
    incidentNotification: PT72H

  supportProcess: >
    Registrars and other users report a problem, ask for help or request a new feature through the
    service desk, by phone or email. The service desk records every request as a ticket, sets its
    severity from the definitions below, and keeps the reporter informed until it is resolved.

  calendars:
    - id: office
      timezone: "{{timezone}}"
      week:
        mon: [["08:00", "17:00"]]
        tue: [["08:00", "17:00"]]
        wed: [["08:00", "17:00"]]
        thu: [["08:00", "17:00"]]
        fri: [["08:00", "17:00"]]
      holidays: [{ country: "{{country}}" }]
    - { id: always, timezone: "{{timezone}}", week: 24x7 }

  channels:
    - { id: phone, kind: phone, address: "{{service-desk-phone}}", calendar: office }
    - { id: email, kind: email, address: "{{service-desk-email}}", calendar: always }

  severities:
    - { id: S1, rank: 1, name: System down, definition: No office can register events., examples: [The system does not load anywhere] }
    - { id: S2, rank: 2, name: Degraded, definition: Registration works but is slow or one region is affected. }
    - { id: S3, rank: 3, name: Module fault, definition: One module such as certificate printing does not work; a workaround exists. }

  targets:
    - { severity: S1, metric: first_response, within: 15m, calendar: always, goal: 95% }
    - { severity: S1, metric: resolution, within: 4h, calendar: always, goal: 90% }
    - { severity: S2, metric: first_response, within: 1h, calendar: office, goal: 95% }
    - { severity: S2, metric: resolution, within: 9h, calendar: office, goal: 90% }
    - { severity: S3, metric: first_response, within: 4h, calendar: office, goal: 90% }
    - { severity: S3, metric: resolution, within: 27h, calendar: office, goal: 85% }

  clock:
    pauseOn: [waiting_on_customer, waiting_on_third_party]
    warnAt: [75%]

  availability:
    - { id: crvs-uptime, service: crvs, target: 99.5%, period: month, timezone: "{{timezone}}", noData: exclude, exclude: [maintenance] }

  maintenance:
    - { id: monthly-window, services: [crvs], rrule: "FREQ=MONTHLY;BYDAY=1SA;BYHOUR=22;BYMINUTE=0", timezone: "{{timezone}}", duration: 4h, notice: P5D }

  monitoring:
    - { id: m-uptime, target: crvs, kind: uptime, tool: upheld, interval: 1m, notify: [c-sysadmin], objective: crvs-uptime, description: Automated checks of the registration service that notify the system administrators when it fails. }

  backups:
    - { id: b-nightly, scope: db-main, type: full, interval: P1D, retention: P35D, offsite: true, encrypted: true, restoreTestEvery: P3M, owner: c-dba }
    - { id: b-wal, scope: db-main, type: incremental, interval: PT15M, retention: P7D, offsite: true, encrypted: true, restoreTestEvery: P3M, owner: c-dba }
  disasterRecovery:
    rto: PT8H
    rpo: PT15M
    site: Disaster recovery site
    failover: manual
    testEvery: P12M
    contacts: [c-sysadmin, c-dba, c-vendor-support]
    steps: [Declare the disaster and inform the contacts, Restore the database at the recovery site, Start the application and check it, Move users to the recovery site]

  release:
    strategy: Feature releases every quarter; security fixes as soon as they are tested.
    cadence: P3M
    process: [Release notes published, Acceptance on the testing environment, Regression tests pass, Change board approval, Deployment in a maintenance window]
    path: [development, testing, training, production]
    acceptanceCriteria:
      - { id: ac-registration, description: A birth is registered end to end in under 10 minutes., method: test, owner: c-service-manager, suite: rt-core }
  regressionTests:
    - { id: rt-core, name: Core registration journeys, automated: true, trigger: per-release, covers: [ac-registration], owner: c-vendor-support }

  escalation:
    - { level: 1, severities: [S1], metric: resolution, at: 50%, notify: [c-service-manager] }
    - { level: 2, severities: [S1, S2], metric: resolution, at: 100%, notify: [c-provider-head] }

  contacts:
    - { id: c-provider-head, name: "{{provider-head-name}}", org: "{{provider-id}}", role: director, email: "{{provider-head-email}}" }
    - { id: c-customer-head, name: "{{customer-head-name}}", org: "{{customer-id}}", role: customer-representative, email: "{{customer-head-email}}" }
    - { id: c-service-manager, name: "{{service-manager-name}}", org: "{{provider-id}}", role: service-owner, email: "{{service-manager-email}}" }
    - { id: c-service-desk, name: Service desk, org: "{{provider-id}}", role: service-desk, email: "{{service-desk-email}}", phone: "{{service-desk-phone}}" }
    - { id: c-sysadmin, name: System administration, org: "{{provider-id}}", role: system-administration, email: "{{sysadmin-email}}" }
    - { id: c-dba, name: Database administration, org: "{{provider-id}}", role: dba, email: "{{dba-email}}" }
    - { id: c-vendor-support, name: "{{vendor-name}} support", role: vendor, email: "{{vendor-email}}" }

  referral:
    - { level: L1, contact: c-service-desk, channel: phone, handles: [login problems, how-to questions] }
    - { level: L2, contact: c-sysadmin, handles: [server down, connection problems] }
    - { level: vendor, contact: c-vendor-support, handles: [software defects] }

  budget:
    - { id: bud-staff, category: labour, amount: 0, currency: "{{currency}}", period: { from: "{{effective-from}}", to: "{{effective-to}}" }, owner: c-provider-head }
    - { id: bud-licences, category: licences, amount: 0, currency: "{{currency}}", period: { from: "{{effective-from}}", to: "{{effective-to}}" }, owner: c-provider-head }

  reporting: { every: month, to: [c-customer-head, c-service-manager] }
`

export const supportPlan: Template = {
  id: 'support-plan',
  title: 'Service level agreement / support plan (CRVS system)',
  kind: 'SupportPlan',
  seeds: ['000'],
  description:
    'The support plan of a national civil registration and vital statistics system, hardware and software.',
  placeholders: [
    { id: 'plan-id', type: 'id', prompt: 'An id for this plan', example: 'crvs-support' },
    {
      id: 'system-name',
      type: 'text',
      prompt: 'Name of the system supported',
      example: 'CRVS registration system',
    },
    { id: 'system-url', type: 'url', prompt: 'URL of the system', example: 'https://crvs.gov.example' },
    { id: 'provider-id', type: 'id', prompt: 'Id of the providing organisation', example: 'ministry-ict' },
    {
      id: 'provider-name',
      type: 'text',
      prompt: 'Name of the providing organisation',
      example: 'Ministry ICT Directorate',
    },
    {
      id: 'customer-id',
      type: 'id',
      prompt: 'Id of the customer organisation',
      example: 'registrar-general',
    },
    {
      id: 'customer-name',
      type: 'text',
      prompt: 'Name of the customer organisation',
      example: 'Office of the Registrar General',
    },
    { id: 'vendor-name', type: 'text', prompt: 'Name of the software vendor', example: 'Example Vendor' },
    {
      id: 'vendor-email',
      type: 'email',
      prompt: "Vendor support's email",
      example: 'support@vendor.example',
    },
    {
      id: 'effective-from',
      type: 'date',
      prompt: 'First day of the plan (YYYY-MM-DD)',
      example: '2026-03-01',
    },
    { id: 'effective-to', type: 'date', prompt: 'Last day of the plan (YYYY-MM-DD)', example: '2028-02-29' },
    {
      id: 'timezone',
      type: 'timezone',
      prompt: 'Time zone of the offices (IANA)',
      example: 'Africa/Nairobi',
    },
    {
      id: 'country',
      type: 'text',
      prompt: 'Country whose public holidays close the offices (ISO code)',
      example: 'KE',
    },
    { id: 'currency', type: 'text', prompt: 'Currency of the budget (ISO 4217)', example: 'USD' },
    {
      id: 'provider-head-name',
      type: 'text',
      prompt: "Name of the provider's head (signatory)",
      example: 'ICT Director',
    },
    {
      id: 'provider-head-email',
      type: 'email',
      prompt: "Email of the provider's head",
      example: 'ict.director@gov.example',
    },
    {
      id: 'customer-head-name',
      type: 'text',
      prompt: "Name of the customer's representative (signatory)",
      example: 'Registrar General',
    },
    {
      id: 'customer-head-email',
      type: 'email',
      prompt: "Email of the customer's representative",
      example: 'registrar@gov.example',
    },
    {
      id: 'service-manager-name',
      type: 'text',
      prompt: 'Name of the service manager',
      example: 'CRVS Service Manager',
    },
    {
      id: 'service-manager-email',
      type: 'email',
      prompt: "Service manager's email",
      example: 'crvs.manager@gov.example',
    },
    {
      id: 'service-desk-email',
      type: 'email',
      prompt: "Service desk's email",
      example: 'servicedesk@gov.example',
    },
    {
      id: 'service-desk-phone',
      type: 'phone',
      prompt: "Service desk's phone (E.164)",
      example: '+254200000000',
    },
    {
      id: 'sysadmin-email',
      type: 'email',
      prompt: 'System administration email',
      example: 'dc-ops@gov.example',
    },
    { id: 'dba-email', type: 'email', prompt: 'Database administration email', example: 'dba@gov.example' },
  ],
  outline: {
    id: 'support-plan',
    title: 'Service Level Agreement / Support Plan',
    headings: [
      { title: 'Purpose', sections: ['parties', 'purpose', 'services'] },
      {
        number: '1',
        title: 'Support Objectives and Assumptions',
        sections: ['assumptions'],
        children: [{ number: '1.1', title: 'Support Objective', sections: ['objectives'] }],
      },
      {
        number: '2',
        title: 'Support Strategy and Environment',
        children: [
          {
            number: '2.1',
            title: 'Support Strategy',
            sections: ['strategy'],
            children: [{ number: '2.1.1', title: 'Support Lifetime', sections: ['term'] }],
          },
          {
            number: '2.2',
            title: 'Support Environment',
            sections: ['environments'],
            children: [
              { number: '2.2.1', title: 'Software', sections: ['environment.software'] },
              { number: '2.2.2', title: 'Hardware and Infrastructure', sections: ['environment.hardware'] },
              { number: '2.2.3', title: 'Databases', sections: ['environment.databases'] },
              { number: '2.2.4', title: 'Data Exchange', sections: ['environment.dataExchange'] },
            ],
          },
        ],
      },
      {
        number: '3',
        title: 'Support Responsibilities',
        children: [
          {
            number: '3.1',
            title: 'Software Maintenance',
            sections: ['responsibilities.software-maintenance'],
          },
          {
            number: '3.2',
            title: 'System Administration',
            sections: ['responsibilities.system-administration'],
          },
          {
            number: '3.3',
            title: 'Operational and user support',
            sections: [
              'responsibilities.operational-support',
              'calendars',
              'channels',
              'severities',
              'targets',
              'clock',
              'vip',
              'availability',
            ],
          },
          {
            number: '3.4',
            title: 'Database Administration',
            sections: ['responsibilities.database-administration'],
          },
          {
            number: '3.5',
            title: 'Data Exchange/System Dependencies',
            sections: ['responsibilities.data-exchange', 'thirdParties'],
          },
          {
            number: '3.6',
            title: 'Licensing, data rights, and expiration of licenses',
            sections: ['licenses'],
          },
          { number: '3.7', title: 'Security and Privacy Concerns', sections: ['security'] },
        ],
      },
      {
        number: '4',
        title: 'Support Process',
        sections: ['supportProcess'],
        children: [
          { number: '4.1', title: 'Problem Referral Contacts', sections: ['referral', 'contacts'] },
          { number: '4.2', title: 'Escalation Procedures', sections: ['escalation'] },
        ],
      },
      {
        number: '5',
        title: 'Support Approach',
        children: [
          { number: '5.1', title: 'Monitoring and Control', sections: ['monitoring', 'maintenance'] },
          {
            number: '5.2',
            title: 'Backups and Disaster Recovery',
            children: [
              { number: '5.2.1', title: 'Routine Backups', sections: ['backups'] },
              { number: '5.2.2', title: 'Disaster Recovery', sections: ['disasterRecovery'] },
            ],
          },
          {
            number: '5.3',
            title: 'Updates/Release Strategy',
            sections: ['release.strategy'],
            children: [
              {
                number: '5.3.1',
                title: 'Release Process',
                sections: ['release.process', 'release.acceptanceCriteria'],
              },
              { number: '5.3.2', title: 'Regression Test Case', sections: ['regressionTests'] },
            ],
          },
        ],
      },
      {
        number: '6',
        title: 'Support Resources',
        children: [{ number: '6.1', title: 'Support Budgets', sections: ['budget'] }],
      },
      { title: 'Service Credits and Reporting', sections: ['credits', 'reporting'] },
    ],
  },
  yaml,
}
