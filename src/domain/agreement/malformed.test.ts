// A corpus of malformed agreements, each broken one way, with the exact messages a person sees.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatIssue } from '../issues.ts'
import { parseAgreement } from './parse-agreement.ts'
import { breakBase } from './test-support/base-agreement.ts'

// [what is wrong, text to replace in the base agreement (null: the whole file), replacement, messages]
const CORPUS: [string, string | null, string, string[]][] = [
  [
    'empty file',
    null,
    '',
    [
      'a.yaml: the document is empty (an agreement starts with apiVersion: upheld/v1, kind, metadata and spec)',
    ],
  ],
  [
    'not a mapping',
    null,
    '- just\n- a list\n',
    ['a.yaml:1:1: must be a mapping of keys to values, not a list'],
  ],
  [
    'YAML syntax error',
    'title: Base agreement',
    'title: [Base agreement',
    ['a.yaml:6:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ],
  [
    'tab indentation',
    '  title: Base agreement',
    '\ttitle: Base agreement',
    ['a.yaml:5:1: Tabs are not allowed as indentation'],
  ],
  [
    'duplicate key',
    '  title: Base agreement\n',
    '  title: Base agreement\n  title: Again\n',
    ['a.yaml:6:3: Map keys must be unique'],
  ],
  [
    'wrong apiVersion',
    'apiVersion: upheld/v1',
    'apiVersion: upheld/v2',
    ['a.yaml:1:13: apiVersion: must be "upheld/v1", not "upheld/v2"'],
  ],
  [
    'unknown kind',
    'kind: ServiceLevelAgreement',
    'kind: ServiceLevelAgrement',
    [
      'a.yaml:2:7: kind: "ServiceLevelAgrement" is not one of ServiceLevelAgreement, SupportPlan, OperationalLevelAgreement, UnderpinningContract (did you mean "ServiceLevelAgreement"?)',
    ],
  ],
  [
    'missing metadata',
    'metadata:\n  id: base\n  title: Base agreement\n',
    '',
    ['a.yaml:1:1: metadata: is required'],
  ],
  [
    'metadata id not a slug',
    'id: base',
    'id: "base agreement"',
    [
      'a.yaml:4:7: metadata.id: must be an id: letters, digits, ".", "_" or "-", starting with a letter or digit',
    ],
  ],
  [
    'unknown top-level key',
    'spec:\n',
    'specs: {}\nspec:\n',
    ['a.yaml:6:8: specs: unknown key "specs" (did you mean "spec"?)'],
  ],
  [
    'unknown spec key',
    '  reporting:',
    '  reportng: { every: month }\n  reporting:',
    ['a.yaml:42:13: spec.reportng: unknown key "reportng" (did you mean "reporting"?)'],
  ],
  [
    'missing parties',
    '  parties:\n    provider: { id: prov, name: Provider Ltd, signatory: c-prov }\n    customer: { id: cust, name: Customer plc, signatory: c-cust }\n',
    '',
    ['a.yaml:7:3: spec.parties: is required'],
  ],
  [
    'party without a name',
    'name: Provider Ltd, ',
    '',
    ['a.yaml:8:15: spec.parties.provider.name: is required'],
  ],
  [
    'signatory not a contact',
    'signatory: c-cust }',
    'signatory: c-customer }',
    [
      'a.yaml:9:58: spec.parties.customer.signatory: "c-customer" names no contact in this agreement (did you mean "c-cust"?)',
    ],
  ],
  [
    'bad effective date',
    'effectiveFrom: 2026-01-01',
    'effectiveFrom: 2026-02-30',
    ['a.yaml:11:20: spec.term.effectiveFrom: must be a date written YYYY-MM-DD'],
  ],
  [
    'date as a number',
    'effectiveTo: 2026-12-31',
    'effectiveTo: 20261231',
    ['a.yaml:12:18: spec.term.effectiveTo: must be a date written YYYY-MM-DD, not 20261231'],
  ],
  [
    'service with a space in its id',
    'id: portal, name: Portal',
    'id: the portal, name: Portal',
    [
      'a.yaml:14:13: spec.services[0].id: must be an id: letters, digits, ".", "_" or "-", starting with a letter or digit',
      'a.yaml:31:26: spec.availability[0].service: "portal" names no service in this agreement (known: the portal)',
    ],
  ],
  [
    'components not a list',
    'components: [web, api]',
    'components: web',
    ['a.yaml:14:47: spec.services[0].components: must be a list, not "web"'],
  ],
  [
    'calendar zone unknown',
    'timezone: Europe/London',
    'timezone: Europe/Londres',
    [
      'a.yaml:17:17: spec.calendars[0].timezone: "Europe/Londres" is not an IANA time zone (did you mean "Europe/London"?)',
    ],
  ],
  [
    'calendar time out of range',
    '["09:00", "17:00"]]\n        fri',
    '["09:00", "25:00"]]\n        fri',
    ['a.yaml:19:15: spec.calendars[0].week.mon[0]: "25:00" is not a time of day (HH:MM, 00:00 to 24:00)'],
  ],
  [
    'calendar weekday misspelt',
    '        fri:',
    '        fry:',
    ['a.yaml:20:14: spec.calendars[0].week.fry: unknown weekday "fry" (did you mean "fri"?)'],
  ],
  [
    'calendar overlapping hours',
    'mon: [["09:00", "17:00"]]',
    'mon: [["09:00", "17:00"], ["16:00", "18:00"]]',
    ['a.yaml:19:35: spec.calendars[0].week.mon[1]: 16:00–18:00 overlaps week.mon[0] 09:00–17:00'],
  ],
  [
    'calendar unknown holiday country',
    '      week:\n        mon',
    '      holidays: [{ country: XX }]\n      week:\n        mon',
    [
      'a.yaml:18:29: spec.calendars[0].holidays[0].country: unknown country "XX" for public holidays (did you mean "AX" or "CX" or "MX"?)',
    ],
  ],
  [
    'calendar without an id',
    '    - { id: always, timezone: UTC, week: 24x7 }',
    '    - { timezone: UTC, week: 24x7 }',
    [
      'a.yaml:21:7: spec.calendars[1].id: is required',
      'a.yaml:26:70: spec.targets[0].calendar: "always" names no calendar in this agreement (known: business)',
      'a.yaml:27:65: spec.targets[1].calendar: "always" names no calendar in this agreement (known: business)',
    ],
  ],
  [
    'duplicate calendar id',
    '    - { id: always, timezone: UTC, week: 24x7 }',
    '    - { id: business, timezone: UTC, week: 24x7 }',
    [
      'a.yaml:21:13: spec.calendars[1].id: the id "business" is used twice in this list (first at spec.calendars[0].id)',
      'a.yaml:26:70: spec.targets[0].calendar: "always" names no calendar in this agreement (known: business)',
      'a.yaml:27:65: spec.targets[1].calendar: "always" names no calendar in this agreement (known: business)',
    ],
  ],
  [
    'severity rank not a number',
    'rank: 2,',
    'rank: second,',
    ['a.yaml:24:23: spec.severities[1].rank: must be a number, not "second"'],
  ],
  [
    'severity missing a definition',
    ', definition: Degraded. }',
    ' }',
    ['a.yaml:24:7: spec.severities[1].definition: is required'],
  ],
  [
    'target with unknown severity',
    'severity: P2, metric: first_response',
    'severity: P3, metric: first_response',
    [
      'a.yaml:28:19: spec.targets[2].severity: "P3" names no severity in this agreement (did you mean "P1" or "P2"?)',
    ],
  ],
  [
    'target with unknown calendar',
    'within: 2h, calendar: business',
    'within: 2h, calendar: office',
    [
      'a.yaml:28:69: spec.targets[2].calendar: "office" names no calendar in this agreement (known: business, always)',
    ],
  ],
  [
    'target metric misspelt',
    'metric: resolution, within: 4h',
    'metric: resolve, within: 4h',
    [
      'a.yaml:27:31: spec.targets[1].metric: "resolve" is not one of first_response, next_response, periodic_update, resolution',
    ],
  ],
  [
    'target duration unreadable',
    'within: 30m',
    'within: 30 minutes',
    [
      'a.yaml:26:55: spec.targets[0].within: "30 minutes" is not a duration (write it as 4h, 30m, 1h30m, 2d or ISO 8601 such as PT4H)',
    ],
  ],
  [
    'target duration in months',
    'within: 16h',
    'within: P1M',
    [
      'a.yaml:29:51: spec.targets[3].within: "P1M" counts months or years, which have no fixed length (use days, hours or minutes, e.g. P30D)',
    ],
  ],
  [
    'target without a duration',
    'within: 4h, ',
    '',
    ['a.yaml:27:7: spec.targets[1].within: is required: the target duration'],
  ],
  [
    'goal as a bare number',
    'goal: 95% }\n    - { severity: P1, metric: resolution',
    'goal: 95 }\n    - { severity: P1, metric: resolution',
    ['a.yaml:26:84: spec.targets[0].goal: must be a percentage written with %, e.g. "95%"'],
  ],
  [
    'goal as a ratio',
    'goal: 90% }\n    - { severity: P2',
    'goal: 0.9 }\n    - { severity: P2',
    ['a.yaml:27:79: spec.targets[1].goal: must be a percentage written with %, e.g. "90%"'],
  ],
  [
    'duplicate target',
    '    - { severity: P2, metric: resolution, within: 16h, calendar: business, goal: 90% }',
    '    - { severity: P2, metric: resolution, within: 16h, calendar: business, goal: 90% }\n    - { severity: P2, metric: resolution, within: 8h, calendar: business, goal: 90% }',
    ['a.yaml:30:7: spec.targets[4]: a target for this severity and metric appears twice'],
  ],
  [
    'availability of an unknown service',
    'service: portal, target',
    'service: website, target',
    [
      'a.yaml:31:26: spec.availability[0].service: "website" names no service in this agreement (known: portal)',
    ],
  ],
  [
    'availability noData missing',
    'noData: exclude, ',
    '',
    ['a.yaml:31:7: spec.availability[0].noData: is required (one of up, down, exclude)'],
  ],
  [
    'availability period misspelt',
    'period: month, noData',
    'period: monthly, noData',
    [
      'a.yaml:31:57: spec.availability[0].period: "monthly" is not one of month, quarter, rolling (did you mean "month"?)',
    ],
  ],
  [
    'credit tier with both bounds',
    '{ objective: up, below: 99.9%, credit: 5% }',
    '{ objective: up, below: 99.9%, atOrBelow: 99.9%, credit: 5% }',
    ['a.yaml:36:9: spec.credits.availability[0]: needs exactly one bound: below (<) or atOrBelow (≤)'],
  ],
  [
    'credit tier for an unknown objective',
    'objective: up, below',
    'objective: uptime, below',
    [
      'a.yaml:36:22: spec.credits.availability[0].objective: "uptime" names no objective in this agreement (known: up)',
    ],
  ],
  [
    'money with a bad currency',
    'currency: GBP',
    'currency: pounds',
    [
      'a.yaml:33:52: spec.credits.basis.monthlyFee.currency: must be an ISO 4217 currency code such as GBP, EUR or USD',
    ],
  ],
  [
    'money negative',
    'amount: 1000',
    'amount: -5',
    ['a.yaml:33:36: spec.credits.basis.monthlyFee.amount: must be at least 0'],
  ],
  [
    'escalation notifies an unknown contact',
    'notify: [c-prov]',
    'notify: [c-boss]',
    [
      'a.yaml:38:75: spec.escalation[0].notify[0]: "c-boss" names no contact in this agreement (known: c-prov, c-cust)',
    ],
  ],
  [
    'escalation with no severities',
    'severities: [P1], metric: resolution, at: 75%',
    'severities: [], metric: resolution, at: 75%',
    ['a.yaml:38:31: spec.escalation[0].severities: must not be empty'],
  ],
  [
    'contact email invalid',
    'email: pat@prov.example',
    'email: pat at prov',
    ['a.yaml:40:80: spec.contacts[0].email: must be an email address'],
  ],
  [
    'contact role unknown',
    'role: service-owner',
    'role: boss',
    [
      'a.yaml:40:58: spec.contacts[0].role: "boss" is not one of head-of-service, director, service-owner, account-manager, support-lead, service-desk, tech-lead, customer-representative, it-department, system-administration, dba, security, legal, management, finance, vendor, stakeholder, other',
    ],
  ],
  [
    'duplicate contact id',
    'id: c-cust, name: Cas',
    'id: c-prov, name: Cas',
    [
      'a.yaml:9:58: spec.parties.customer.signatory: "c-cust" names no contact in this agreement (known: c-prov)',
      'a.yaml:41:13: spec.contacts[1].id: the id "c-prov" is used twice in this list (first at spec.contacts[0].id)',
      'a.yaml:42:35: spec.reporting.to[0]: "c-cust" names no contact in this agreement (known: c-prov)',
    ],
  ],
  [
    'reporting every week',
    'every: month, to',
    'every: week, to',
    ['a.yaml:42:23: spec.reporting.every: "week" is not one of month, quarter'],
  ],
  [
    'placeholder left unfilled',
    'name: Customer plc',
    'name: "{{customer-name}}"',
    [
      'a.yaml:9:33: spec.parties.customer.name: the placeholder {{customer-name}} is not filled in (fill it with upheld init --set customer-name=… or edit the file)',
    ],
  ],
  [
    'several problems at once',
    'kind: ServiceLevelAgreement',
    'kind: SLA\nextra: 1',
    [
      'a.yaml:2:7: kind: "SLA" is not one of ServiceLevelAgreement, SupportPlan, OperationalLevelAgreement, UnderpinningContract',
      'a.yaml:3:8: extra: unknown key "extra" (allowed here: apiVersion, kind, metadata, spec)',
    ],
  ],
]

describe('malformed agreements', () => {
  test('the corpus is large enough to mean something', () => {
    assert.ok(CORPUS.length >= 40)
  })

  for (const [name, from, to, messages] of CORPUS) {
    test(name, () => {
      const text = from === null ? to : breakBase(from, to)
      const result = parseAgreement(text, { filename: 'a.yaml' })
      assert.equal(result.ok, false, 'the broken agreement was accepted')
      if (result.ok) return
      assert.deepEqual(result.issues.map(formatIssue), messages)
      for (const issue of result.issues) assert.ok(issue.line === undefined || issue.line >= 1)
    })
  }
})
