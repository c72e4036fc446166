// Seed 001: the production support plan of a product or online service, with the seed's
// headings and numbering.
import type { Template } from './template.ts'

const yaml = `# Production support plan (template "production-support-plan").
# Fill in every {{…}} placeholder; "upheld validate" lists any that are left.
apiVersion: upheld/v1
kind: SupportPlan
metadata:
  id: "{{plan-id}}"
  title: "{{product-name}} Production Support Plan"
  template: { id: production-support-plan, version: "1" }

spec:
  parties:
    provider: { id: "{{provider-id}}", name: "{{provider-name}}", signatory: c-owner }
    customer: { id: "{{customer-id}}", name: "{{customer-name}}", signatory: c-customer }

  term:
    effectiveFrom: "{{effective-from}}"
    effectiveTo: "{{effective-to}}"
    renewal: { type: tacit, notice: P60D, renewalTerm: P12M }
    review: { every: P6M, owner: c-owner, triggers: [major-release] }

  purpose: "Guide the support of {{product-name}}, available at {{product-url}}."
  scope:
    inScope:
      - { id: in-app, description: "The production service of {{product-name}} and its integrations", service: product }
    outOfScope:
      - { id: out-dev, description: "Development of new features, which follows the release strategy" }
    audience:
      primary: [Support engineers, Operations]
      secondary: [Product management, Customer success]

  objectives:
    - { id: o-available, text: "{{product-name}} is available to its users as agreed, with incidents handled within their targets." }
  assumptions:
    - { id: a-247, text: "Support for this service is available around the clock, seven days a week." }

  strategy: The plan lives as long as the service runs in production and is revised at each review.

  services:
    - { id: product, name: "{{product-name}}", url: "{{product-url}}", components: [web, api, database], public: true }

  environments:
    - { id: development, purpose: Development }
    - { id: evaluation, purpose: Evaluation and acceptance }
    - { id: production, purpose: Production }

  environment:
    software:
      - { id: sw-platform, name: "{{product-name}}", platform: "{{platform}}", vendor: "{{provider-name}}", version: "1.0", url: "{{product-url}}" }
    hardware:
      - { id: hw-cloud, name: Cloud hosting, kind: virtual machines, location: "{{hosting-region}}", owner: c-ops }
    databases:
      - { id: db-main, engine: PostgreSQL, version: "16", environment: production, personalData: true, backup: b-daily }
    dataExchange:
      - { id: dx-billing, counterpart: Billing system, direction: out, protocol: api, format: JSON, schedule: real-time, encryptedInTransit: true, owner: c-ops }

  responsibilities:
    - { area: software-maintenance, contact: c-engineering }
    - { area: system-administration, contact: c-ops }
    - { area: operational-support, contact: c-support }
    - { area: database-administration, contact: c-ops }
    - { area: data-exchange, contact: c-ops }

  licenses:
    - { id: l-platform, product: "{{platform}}", type: subscription, start: "{{effective-from}}", expiry: "{{effective-to}}", autoRenew: true, renewalOwner: c-owner, renewalLeadTime: P30D }

  security:
    classification: confidential
    personalData: true
    encryption: { atRest: true, inTransit: true }
    access: { mfaRequired: true, reviewEvery: P6M }
    incidentNotification: PT72H

  calendars:
    - { id: always, timezone: "{{timezone}}", week: 24x7 }

  channels:
    - { id: email, kind: email, address: "{{support-email}}", calendar: always }
    - { id: portal, kind: portal, address: "{{product-url}}/support", calendar: always }

  severities:
    - { id: P1, rank: 1, name: Critical, definition: The service is down for all users. }
    - { id: P2, rank: 2, name: High, definition: A major function is unavailable for many users. }
    - { id: P3, rank: 3, name: Normal, definition: A function misbehaves and a workaround exists. }

  targets:
    - { severity: P1, metric: first_response, within: 15m, calendar: always, goal: 95% }
    - { severity: P1, metric: resolution, within: 4h, calendar: always, goal: 90% }
    - { severity: P2, metric: first_response, within: 1h, calendar: always, goal: 95% }
    - { severity: P2, metric: resolution, within: 1d, calendar: always, goal: 90% }
    - { severity: P3, metric: first_response, within: 8h, calendar: always, goal: 90% }
    - { severity: P3, metric: resolution, within: 5d, calendar: always, goal: 85% }

  availability:
    - { id: product-uptime, service: product, target: 99.9%, period: month, noData: exclude, exclude: [maintenance] }

  monitoring:
    - { id: m-http, target: product, kind: uptime, tool: upheld, interval: 1m, notify: [c-ops], objective: product-uptime, description: Automated checks that page operations when the service fails. }

  backups:
    - { id: b-daily, scope: db-main, type: snapshot, interval: P1D, retention: P30D, offsite: true, encrypted: true, restoreTestEvery: P3M, owner: c-ops }
  disasterRecovery: { rto: PT4H, rpo: P1D, failover: manual, testEvery: P12M }

  release:
    strategy: A new version is released when its features pass acceptance; urgent fixes at any time.
    cadence: on-demand
    process: [Quality assurance testing, Review board, Change management approval, Release notes]
    path: [development, evaluation, production]
    acceptanceCriteria:
      - { id: ac-functions, category: major-functions, description: Every major function works in evaluation., method: test, suite: rt-smoke, owner: c-owner }
      - { id: ac-readiness, category: production-readiness, description: The production readiness review is passed., method: inspection, owner: c-ops }
      - { id: ac-performance, category: performance, description: 95% of pages load in under 2 seconds at expected load., method: test, suite: rt-smoke, owner: c-engineering }
      - { id: ac-availability, category: availability, description: Availability meets its objective in the first month., method: analysis, owner: c-owner }
      - { id: ac-security, category: security, description: No open high-severity security findings., method: inspection, owner: c-engineering }
  regressionTests:
    - { id: rt-smoke, name: Smoke and regression suite, automated: true, trigger: per-release, covers: [ac-functions, ac-performance], owner: c-engineering }

  escalation:
    - { level: 1, severities: [P1, P2], metric: resolution, at: 75%, notify: [c-ops] }
    - { level: 2, severities: [P1, P2], metric: resolution, at: 100%, notify: [c-owner] }

  contacts:
    - { id: c-owner, name: "{{owner-name}}", org: "{{provider-id}}", role: service-owner, email: "{{owner-email}}" }
    - { id: c-customer, name: "{{customer-contact-name}}", org: "{{customer-id}}", role: customer-representative, email: "{{customer-contact-email}}" }
    - { id: c-support, name: Support team, org: "{{provider-id}}", role: service-desk, email: "{{support-email}}" }
    - { id: c-ops, name: Operations, org: "{{provider-id}}", role: system-administration, email: "{{ops-email}}" }
    - { id: c-engineering, name: Engineering, org: "{{provider-id}}", role: tech-lead, email: "{{engineering-email}}" }

  referral:
    - { level: L1, contact: c-support, channel: email, handles: [login or connection problems, questions] }
    - { level: L2, contact: c-ops, handles: [server down, performance] }
    - { level: L3, contact: c-engineering, handles: [defects] }

  budget:
    - { id: bud-hosting, category: hosting, amount: 0, currency: "{{currency}}", period: { from: "{{effective-from}}", to: "{{effective-to}}" }, owner: c-owner }
  otherResources: Runbooks and dashboards are linked from the operations handbook.

  reporting: { every: month, to: [c-customer, c-owner] }
`

export const productionSupportPlan: Template = {
  id: 'production-support-plan',
  title: 'Production support plan',
  kind: 'SupportPlan',
  seeds: ['001'],
  description: 'The support plan of a product or online service in production.',
  placeholders: [
    { id: 'plan-id', type: 'id', prompt: 'An id for this plan', example: 'portal-support' },
    {
      id: 'product-name',
      type: 'text',
      prompt: 'Name of the product or service',
      example: 'Customer portal',
    },
    { id: 'product-url', type: 'url', prompt: 'URL to access it', example: 'https://portal.example.com' },
    { id: 'platform', type: 'text', prompt: 'Platform it runs on', example: 'Kubernetes' },
    { id: 'hosting-region', type: 'text', prompt: 'Where it is hosted', example: 'eu-west' },
    { id: 'provider-id', type: 'id', prompt: 'Id of the providing organisation', example: 'example-co' },
    {
      id: 'provider-name',
      type: 'text',
      prompt: 'Name of the providing organisation',
      example: 'Example Co',
    },
    { id: 'customer-id', type: 'id', prompt: 'Id of the customer organisation', example: 'acme' },
    {
      id: 'customer-name',
      type: 'text',
      prompt: 'Name of the customer organisation',
      example: 'Acme Corporation',
    },
    {
      id: 'effective-from',
      type: 'date',
      prompt: 'First day of the plan (YYYY-MM-DD)',
      example: '2026-01-01',
    },
    { id: 'effective-to', type: 'date', prompt: 'Last day of the plan (YYYY-MM-DD)', example: '2026-12-31' },
    {
      id: 'timezone',
      type: 'timezone',
      prompt: 'Time zone of the support team (IANA)',
      example: 'Europe/Berlin',
    },
    { id: 'currency', type: 'text', prompt: 'Currency of the budget (ISO 4217)', example: 'EUR' },
    { id: 'owner-name', type: 'text', prompt: "Service owner's name", example: 'Sam Owner' },
    { id: 'owner-email', type: 'email', prompt: "Service owner's email", example: 'owner@example.com' },
    {
      id: 'customer-contact-name',
      type: 'text',
      prompt: "Customer representative's name",
      example: 'Cleo Customer',
    },
    {
      id: 'customer-contact-email',
      type: 'email',
      prompt: "Customer representative's email",
      example: 'it@acme.example',
    },
    { id: 'support-email', type: 'email', prompt: 'Support email', example: 'support@example.com' },
    { id: 'ops-email', type: 'email', prompt: 'Operations email', example: 'ops@example.com' },
    { id: 'engineering-email', type: 'email', prompt: 'Engineering email', example: 'eng@example.com' },
  ],
  outline: {
    id: 'production-support-plan',
    title: 'Production Support Plan',
    headings: [
      {
        title: 'Introduction',
        sections: ['parties'],
        children: [
          { title: 'Purpose', sections: ['purpose', 'services'] },
          { title: 'Scope', sections: ['scope'] },
          { title: 'Intended Audience', sections: ['audience'] },
        ],
      },
      {
        number: '1',
        title: 'Support Objectives and Assumptions',
        children: [
          { number: '1.1', title: 'Support Objective', sections: ['objectives'] },
          { number: '1.2', title: 'Support Assumptions', sections: ['assumptions'] },
        ],
      },
      {
        number: '2',
        title: 'Support Strategy and Environment',
        children: [
          {
            number: '2.1',
            title: 'Support Strategy',
            sections: ['strategy'],
            children: [
              { number: '2.1.1', title: 'Support Lifetime', sections: ['term'] },
              { number: '2.1.2', title: 'Release Strategy', sections: ['release.strategy'] },
              { number: '2.1.3', title: 'Release Process', sections: ['release.process'] },
              { number: '2.1.4', title: 'Acceptance Criteria', sections: ['release.acceptanceCriteria'] },
            ],
          },
          {
            number: '2.2',
            title: 'Support Environment',
            sections: ['environments'],
            children: [
              { number: '2.2.1', title: 'Software', sections: ['environment.software'] },
              { number: '2.2.2', title: 'Hardware', sections: ['environment.hardware'] },
              { number: '2.2.3', title: 'Databases', sections: ['environment.databases'] },
              { number: '2.2.4', title: 'Data Exchange', sections: ['environment.dataExchange'] },
              { number: '2.2.5', title: 'Contact Information', sections: ['contacts'] },
              { number: '2.2.6', title: 'Problem Referral Contacts', sections: ['referral', 'escalation'] },
              {
                number: '2.2.7',
                title: 'Licensing, data rights, and expiration of licenses',
                sections: ['licenses'],
              },
              { number: '2.2.8', title: 'Security and Privacy Concerns', sections: ['security'] },
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
        ],
      },
      {
        number: '4',
        title: 'Support Approach',
        children: [
          {
            number: '4.1',
            title: 'Monitoring and Control',
            sections: ['monitoring', 'maintenance', 'backups', 'disasterRecovery'],
          },
          { number: '4.2', title: 'Regression Test Case', sections: ['regressionTests'] },
        ],
      },
      {
        number: '5',
        title: 'Support Resources',
        children: [
          { number: '5.1', title: 'Support Budgets', sections: ['budget'] },
          { number: '5.2', title: 'Other Resources', sections: ['otherResources'] },
        ],
      },
      { title: 'Service Credits and Reporting', sections: ['credits', 'reporting'] },
    ],
  },
  yaml,
}
