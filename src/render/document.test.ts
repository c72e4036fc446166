import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type OutlineNode, SECTION_KEYS, type SectionKey } from '../domain/agreement/outline.ts'
import { AGREEMENT_KINDS } from '../domain/agreement/schema.ts'
import { TEMPLATES } from '../domain/templates/index.ts'
import type { Block, Heading, RenderedDocument } from './blocks.ts'
import { defaultOutline } from './default-outline.ts'
import { buildDocument } from './document.ts'
import { noneRecorded } from './sections/index.ts'
import { CRVS_FILE, fullAgreement, HELPDESK_FILE, readExample, withSpec } from './test-support/agreements.ts'

const HASH = 'ab'.repeat(32)
const helpdesk = readExample(HELPDESK_FILE)
const crvs = readExample(CRVS_FILE)
const render = (agreement = helpdesk, outline = defaultOutline(agreement.kind)) =>
  buildDocument(agreement, outline, { contentHash: HASH })

const headings = (doc: RenderedDocument) => doc.blocks.filter((b): b is Heading => b.type === 'heading')
const flatten = (nodes: OutlineNode[]): OutlineNode[] =>
  nodes.flatMap((n) => [n, ...flatten(n.children ?? [])])

/** The blocks under the heading with this title, up to the next heading. */
function section(doc: RenderedDocument, title: string): Block[] {
  const start = doc.blocks.findIndex((b) => b.type === 'heading' && b.title === title)
  assert.ok(start >= 0, `no heading "${title}"`)
  const end = doc.blocks.findIndex((b, i) => i > start && b.type === 'heading')
  return doc.blocks.slice(start + 1, end < 0 ? undefined : end)
}

function tableUnder(doc: RenderedDocument, title: string): { columns: string[]; rows: string[][] } {
  const table = section(doc, title).find((b) => b.type === 'table')
  assert.ok(table && table.type === 'table', `no table under "${title}"`)
  return table
}

describe('buildDocument: title page', () => {
  test('holds the title, number, kind, parties, term and content hash', () => {
    assert.deepEqual(render().title, {
      title: 'Helpdesk Service Level Agreement',
      kind: 'ServiceLevelAgreement',
      kindLabel: 'Service Level Agreement',
      number: 'SLA-2026-001',
      parties: [
        { role: 'Provider', name: 'Example IT Services Ltd' },
        { role: 'Customer', name: 'Acme Corporation' },
      ],
      term: '1 January 2026 to 31 December 2026',
      contentHash: HASH,
    })
  })
})

describe('buildDocument: outline', () => {
  const outlines = [
    ['the default outline', defaultOutline('ServiceLevelAgreement')] as const,
    ...TEMPLATES.map((t) => [`template ${t.id}`, t.outline] as const),
  ]
  for (const [name, outline] of outlines) {
    test(`shows every heading of ${name}, in order and numbered`, () => {
      for (const agreement of [helpdesk, crvs]) {
        const doc = render(agreement, outline)
        const expected = flatten(outline.headings).map((n) => [n.number, n.title])
        assert.deepEqual(
          headings(doc).map((h) => [h.number, h.title]),
          expected,
        )
      }
    })
  }

  test('nests heading levels as the outline does, with unique anchors', () => {
    const doc = render(crvs)
    const levels = headings(doc).map((h) => `${h.level}:${h.number}`)
    assert.deepEqual(levels.slice(0, 3), ['1:1', '2:1.1', '2:1.2'])
    const anchors = headings(doc).map((h) => h.anchor)
    assert.equal(new Set(anchors).size, anchors.length)
  })

  test('puts the intro before the data, and labels each section of a heading that holds several', () => {
    const outline = {
      id: 't',
      title: 'T',
      headings: [
        {
          title: 'Support',
          intro: 'How we *support* you.',
          sections: ['severities', 'licenses'] as SectionKey[],
        },
      ],
    }
    const blocks = section(render(helpdesk, outline), 'Support')
    assert.deepEqual(blocks[0], { type: 'paragraph', markdown: 'How we *support* you.' })
    assert.deepEqual(blocks[1], { type: 'label', text: 'Severity levels' })
    assert.equal(blocks[2]?.type, 'table')
    assert.deepEqual(blocks.slice(3), [
      { type: 'label', text: 'Licences' },
      { type: 'note', text: 'No licences are recorded in this agreement.' },
    ])
  })
})

describe('buildDocument: sections', () => {
  const doc = render()

  test('severities become a table of id, name and definition', () => {
    const table = tableUnder(doc, 'Severity levels')
    assert.deepEqual(table.columns, ['Severity', 'Name', 'Definition', 'Examples'])
    assert.deepEqual(table.rows[0]?.slice(0, 2), ['P1', 'Critical'])
  })

  test('targets become severity × metric rows with within/every, hours and goal', () => {
    const table = tableUnder(doc, 'Response and resolution targets')
    assert.deepEqual(table.columns, ['Severity', 'Metric', 'Target', 'Hours', 'Goal'])
    assert.deepEqual(table.rows.slice(0, 3), [
      ['P1 Critical', 'First response', 'within 30 minutes', 'always (24×7)', '95%'],
      ['P1 Critical', 'Periodic update', 'every 1 hour', 'always (24×7)', ''],
      ['P1 Critical', 'Resolution', 'within 4 hours', 'always (24×7)', '90%'],
    ])
    assert.deepEqual(table.rows.at(-1), ['P4 Low', 'First response', 'within 8 hours', 'business', '90%'])
  })

  test('contacts, referral and escalation name people and how to reach them', () => {
    const contacts = tableUnder(doc, 'Contacts')
    assert.ok(
      contacts.rows.some((r) => r.includes('Mei Tanaka') && r.includes('mei.tanaka@example-it.example')),
    )
    assert.deepEqual(tableUnder(doc, 'Problem referral').rows[0], [
      'L1',
      'Service desk',
      'support@example-it.example, +442079460000',
      'Phone: +44 20 7946 0000',
      'business',
    ])
    assert.deepEqual(tableUnder(doc, 'Escalation').rows[1], [
      '2',
      'P1, P2',
      '100% of the resolution target (breach)',
      'Luis Ferreira',
    ])
  })

  test('credit tiers say < or ≤ explicitly', () => {
    const full = render(fullAgreement(), defaultOutline('SupportPlan'))
    const availability = section(full, 'Service credits').filter((b) => b.type === 'table')[0]
    assert.ok(availability?.type === 'table')
    assert.deepEqual(
      availability.rows.map((r) => r[1]),
      ['< 99.5%', '≤ 98%'],
    )
  })

  test('support hours are sentences per weekday in the zone, with holidays and overrides', () => {
    const [business] = section(doc, 'Support hours')
    assert.deepEqual(business, {
      type: 'paragraph',
      markdown:
        '**business**, in the Europe/London time zone: Monday to Thursday 08:00–18:00; Friday 08:00–17:00; ' +
        'closed on Saturday and Sunday. Closed on public and bank holidays in United Kingdom (England) and on ' +
        '24 December 2026. Different hours: 31 December 2026 08:00–12:00.',
    })
  })

  test('disaster recovery shows RTO and RPO', () => {
    const [facts] = section(render(crvs), 'Disaster recovery')
    assert.ok(facts?.type === 'keyValue')
    assert.deepEqual(facts.items.slice(0, 2), [
      { key: 'Recovery time objective (RTO)', value: '8 hours' },
      { key: 'Recovery point objective (RPO)', value: '15 minutes' },
    ])
  })

  test('a section with no data says so plainly', () => {
    assert.deepEqual(section(doc, 'Licences'), [
      { type: 'note', text: 'No licences are recorded in this agreement.' },
    ])
    assert.deepEqual(section(doc, 'Backups'), [
      { type: 'note', text: 'No backups are recorded in this agreement.' },
    ])
  })

  test('every section key renders data when the agreement has it, and a note when not', () => {
    const full = fullAgreement()
    const bare = withSpec(helpdesk, {})
    for (const key of SECTION_KEYS) {
      const outline = { id: 'one', title: 'One', headings: [{ title: key, sections: [key] }] }
      const blocks = section(render(full, outline), key)
      assert.ok(
        blocks.length > 0 && blocks[0]?.type !== 'note',
        `${key} shows no data: ${JSON.stringify(blocks)}`,
      )
      const empty = { ...bare, spec: { parties: bare.spec.parties } }
      const none = section(render(empty, outline), key)
      if (key !== 'parties') assert.deepEqual(none, [{ type: 'note', text: noneRecorded(key) }], key)
    }
  })

  test('responsibilities leaves out the areas that have headings of their own', () => {
    const full = fullAgreement()
    const rest = tableUnder(render(full, defaultOutline('SupportPlan')), 'Other responsibilities')
    assert.deepEqual(
      rest.rows.map((r) => r[0]),
      ['Security'],
    )
    const alone = {
      id: 'r',
      title: 'R',
      headings: [{ title: 'Who', sections: ['responsibilities'] as SectionKey[] }],
    }
    assert.equal(tableUnder(render(full, alone), 'Who').rows.length, 6)
  })
})

describe('defaultOutline', () => {
  for (const kind of AGREEMENT_KINDS) {
    test(`${kind}: covers every section key exactly once`, () => {
      const keys = flatten(defaultOutline(kind).headings).flatMap((n) => n.sections ?? [])
      assert.deepEqual([...keys].sort(), [...SECTION_KEYS].sort())
    })
  }

  test('puts service levels first for an SLA and the environment first for a support plan', () => {
    const titles = (kind: (typeof AGREEMENT_KINDS)[number]) =>
      defaultOutline(kind).headings.map((h) => h.title)
    assert.deepEqual(titles('ServiceLevelAgreement').slice(0, 2), ['The agreement', 'Service levels'])
    assert.deepEqual(titles('SupportPlan').slice(0, 3), [
      'The agreement',
      'Objectives and assumptions',
      'Support environment',
    ])
  })
})
