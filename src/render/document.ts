// An agreement and an outline → the intermediate document that every format renders: a
// title page, then each heading of the outline in order with its intro and its sections.
import type { Outline, OutlineNode, SectionKey } from '../domain/agreement/outline.ts'
import type { Agreement } from '../domain/agreement/schema.ts'
import {
  type Block,
  type Heading,
  label,
  note,
  paragraph,
  type RenderedDocument,
  type TitlePage,
} from './blocks.ts'
import { type ChangeSummary, changesBlocks } from './changes-section.ts'
import { formatDate } from './format.ts'
import { noneRecorded, SECTION_INFO, SECTION_RENDERERS, type SectionContext } from './sections/index.ts'

export type { Block, Heading, RenderedDocument, TitlePage } from './blocks.ts'

const KIND_LABELS: Record<Agreement['kind'], string> = {
  ServiceLevelAgreement: 'Service Level Agreement',
  SupportPlan: 'Support Plan',
  OperationalLevelAgreement: 'Operational Level Agreement',
  UnderpinningContract: 'Underpinning Contract',
}

/** `changes`: the summary of what changed from the previous version, shown first when given. */
export function buildDocument(
  agreement: Agreement,
  outline: Outline,
  options: { contentHash: string; changes?: ChangeSummary },
): RenderedDocument {
  const ctx: SectionContext = { agreement, spec: agreement.spec, outlineKeys: outlineKeys(outline.headings) }
  const anchors = new Set<string>()
  const summary = options.changes ? changesBlocks(options.changes) : []
  for (const block of summary) if (block.type === 'heading') anchors.add(block.anchor)
  const blocks = outline.headings.flatMap((node) => renderNode(ctx, node, 1, anchors))
  return { title: titlePage(agreement, options.contentHash), blocks: [...summary, ...blocks] }
}

function titlePage(agreement: Agreement, contentHash: string): TitlePage {
  const { metadata, spec } = agreement
  const term = spec.term
  return {
    title: metadata.title,
    kind: agreement.kind,
    kindLabel: KIND_LABELS[agreement.kind],
    ...(metadata.number ? { number: metadata.number } : {}),
    ...(metadata.version ? { version: metadata.version } : {}),
    parties: [
      { role: 'Provider', name: spec.parties.provider.name },
      { role: 'Customer', name: spec.parties.customer.name },
    ],
    ...(term
      ? {
          term: term.effectiveTo
            ? `${formatDate(term.effectiveFrom)} to ${formatDate(term.effectiveTo)}`
            : `from ${formatDate(term.effectiveFrom)}`,
        }
      : {}),
    contentHash,
  }
}

function renderNode(ctx: SectionContext, node: OutlineNode, level: number, anchors: Set<string>): Block[] {
  const heading: Heading = {
    type: 'heading',
    level,
    ...(node.number ? { number: node.number } : {}),
    title: node.title,
    anchor: uniqueAnchor([node.number, node.title].filter(Boolean).join(' '), anchors),
  }
  const sections = node.sections ?? []
  // A heading that holds several sections labels each, so a reader can tell them apart.
  const labelled = sections.length > 1
  return [
    heading,
    ...(node.intro ? [paragraph(node.intro)] : []),
    ...sections.flatMap((key) => [
      ...(labelled && !sameText(SECTION_INFO[key].label, node.title) ? [label(SECTION_INFO[key].label)] : []),
      ...renderSection(ctx, key),
    ]),
    ...(node.children ?? []).flatMap((child) => renderNode(ctx, child, level + 1, anchors)),
  ]
}

function renderSection(ctx: SectionContext, key: SectionKey): Block[] {
  const blocks = SECTION_RENDERERS[key](ctx)
  return blocks.length > 0 ? blocks : [note(noneRecorded(key))]
}

function sameText(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0
}

function outlineKeys(nodes: readonly OutlineNode[]): Set<SectionKey> {
  return new Set(nodes.flatMap((n) => [...(n.sections ?? []), ...outlineKeys(n.children ?? [])]))
}

function uniqueAnchor(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  let anchor = base
  for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`
  taken.add(anchor)
  return anchor
}
