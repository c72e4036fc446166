import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { normaliseTitle, numberedHeadings, seedText } from '../../test-support/seed-headings.ts'
import type { OutlineNode } from '../agreement/outline.ts'
import { parseAgreement } from '../agreement/parse-agreement.ts'
import { exampleSettings, fillTemplate, placeholdersUsed } from './fill-template.ts'
import { findTemplate, TEMPLATES } from './index.ts'

function flatten(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])])
}

describe('built-in templates', () => {
  test('there are the four templates of the seeds', () => {
    assert.deepEqual(
      TEMPLATES.map((t) => [t.id, t.seeds]),
      [
        ['support-plan', ['000']],
        ['production-support-plan', ['001']],
        ['helpdesk-sla', ['002', '004']],
        ['it-support-agreement', ['003']],
      ],
    )
  })

  for (const template of TEMPLATES) {
    describe(template.id, () => {
      test('declares exactly the placeholders its text uses', () => {
        assert.deepEqual(placeholdersUsed(template.yaml), template.placeholders.map((p) => p.id).sort())
      })

      test('unfilled, it reports every placeholder and nothing else', () => {
        const result = parseAgreement(template.yaml, { filename: `${template.id}.yaml` })
        assert.equal(result.ok, false)
        if (result.ok) return
        const others = result.issues.filter((i) => !i.message.startsWith('the placeholder'))
        assert.deepEqual(others, [])
        const named = new Set(result.issues.map((i) => /\{\{([\w.-]+)\}\}/.exec(i.message)?.[1]))
        assert.deepEqual([...named].sort(), template.placeholders.map((p) => p.id).sort())
      })

      test('filled with its examples, it validates without a warning', () => {
        const filled = fillTemplate(template, exampleSettings(template))
        assert.ok(filled.ok)
        if (!filled.ok) return
        assert.deepEqual(filled.unresolved, [])
        const result = parseAgreement(filled.yaml, { filename: `${template.id}.yaml` })
        assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.issues, null, 2))
        if (!result.ok) return
        assert.deepEqual(result.warnings, [])
        assert.equal(result.agreement.kind, template.kind)
        assert.equal(result.agreement.metadata.template?.id, template.id)
      })
    })
  }
})

describe('outlines follow the seeds', () => {
  for (const [id, seed] of [
    ['support-plan', '000'],
    ['production-support-plan', '001'],
  ] as const) {
    test(`${id} has every numbered heading of seed ${seed}, in order`, () => {
      const headings = numberedHeadings(seedText(seed))
      assert.ok(headings.length > 20, `found only ${headings.length} headings`)
      const outline = flatten(findTemplate(id)!.outline.headings).filter((n) => n.number)
      assert.deepEqual(
        outline.map((n) => [n.number, normaliseTitle(n.title)]),
        headings.map((h) => [h.number, h.title]),
      )
    })
  }

  test('it-support-agreement covers the steps of seed 003 that shape the document', () => {
    const text = seedText('003')
    const titles = flatten(findTemplate('it-support-agreement')!.outline.headings).map((n) =>
      normaliseTitle(n.title),
    )
    for (const [step, heading] of [
      ['Identify and document IT service needs', 'it service needs'],
      ['Identify key stakeholders', 'key stakeholders'],
      ['Outline responsibilities of both parties', 'responsibilities of both parties'],
      [
        'Clarify methods for measuring and reporting service performance',
        'measuring and reporting service performance',
      ],
      ['Outline any support constraints', 'support constraints'],
      ['Detail terms of service and support costs', 'terms of service and support costs'],
      ['Establish a communication strategy and frequency', 'communication strategy and frequency'],
      ['Include details of escalation procedures', 'escalation procedures'],
    ]) {
      assert.ok(text.includes(step!), `seed 003 no longer says "${step}"`)
      assert.ok(titles.includes(heading!), `no heading "${heading}"`)
    }
  })

  test('helpdesk-sla has a home for each concern of seeds 002 and 004', () => {
    const template = findTemplate('helpdesk-sla')!
    const sections = flatten(template.outline.headings).flatMap((n) => n.sections ?? [])
    for (const key of [
      'channels',
      'severities',
      'targets',
      'vip',
      'credits',
      'thirdParties',
      'clock',
      'kpis',
      'reporting',
    ] as const) {
      assert.ok(sections.includes(key), key)
    }
    const filled = fillTemplate(template, exampleSettings(template))
    assert.ok(filled.ok)
    const result = filled.ok ? parseAgreement(filled.yaml) : null
    assert.ok(result?.ok)
    if (!result?.ok) return
    const spec = result.agreement.spec
    // Seed 002: a channel's own response time; customer delays pause; automated replies do not count.
    assert.equal(spec.channels?.find((c) => c.kind === 'chat')?.response, '5m')
    assert.deepEqual(spec.clock?.pauseOn, ['waiting_on_customer'])
    assert.equal(spec.clock?.qualifyingResponse?.automated, false)
    // Seed 004: VIP users first, compensation when a level is missed, third parties.
    assert.equal(spec.vip?.[0]?.raiseSeverity, 1)
    assert.ok((spec.credits?.availability?.length ?? 0) > 0)
    assert.ok((spec.thirdParties?.length ?? 0) > 0)
  })
})

describe('fillTemplate', () => {
  const template = findTemplate('helpdesk-sla')!

  test('fills a placeholder by its id everywhere it appears', () => {
    const filled = fillTemplate(template, { 'provider-name': 'Example IT' })
    assert.ok(filled.ok)
    if (!filled.ok) return
    assert.ok(!filled.yaml.includes('{{provider-name}}'))
    assert.match(filled.yaml, /name: "Example IT"/)
    assert.match(filled.yaml, /service that Example IT gives/)
    assert.ok(!filled.unresolved.some((p) => p.id === 'provider-name'))
  })

  test('fills a placeholder through the path of a field that holds it, with or without spec.', () => {
    for (const key of ['parties.provider.name', 'spec.parties.provider.name']) {
      const filled = fillTemplate(template, { [key]: 'Example IT' })
      assert.ok(filled.ok && !filled.yaml.includes('{{provider-name}}'), key)
    }
  })

  test('a number placeholder becomes a number; other fields are set by path', () => {
    const filled = fillTemplate(template, { ...exampleSettings(template), 'targets[0].within': '45m' })
    assert.ok(filled.ok)
    const result = filled.ok ? parseAgreement(filled.yaml) : null
    assert.ok(result?.ok)
    if (!result?.ok) return
    assert.equal(result.agreement.spec.credits?.basis.monthlyFee.amount, 12000)
    assert.equal(result.agreement.spec.targets?.[0]?.within, '45m')
  })

  test('refuses values of the wrong type and keys that are nowhere, naming them', () => {
    const result = fillTemplate(template, {
      'effective-from': 'tomorrow',
      'provider-nme': 'X',
      'nowhere.at.all': '1',
    })
    assert.equal(result.ok, false)
    if (result.ok) return
    assert.deepEqual(
      result.issues.map((i) => [i.path[0], i.message, i.hint]),
      [
        [
          'effective-from',
          '"tomorrow" must be a date written YYYY-MM-DD',
          'First day of the agreement (YYYY-MM-DD)',
        ],
        [
          'provider-nme',
          'is neither a placeholder of this template nor a field in it',
          'did you mean "provider-name"?',
        ],
        [
          'nowhere.at.all',
          'is neither a placeholder of this template nor a field in it',
          result.issues[2]?.hint,
        ],
      ],
    )
  })

  test('keeps the comments of the template', () => {
    const filled = fillTemplate(template, {})
    assert.ok(filled.ok && filled.yaml.startsWith('# Helpdesk service level agreement'))
  })
})
