// Reference material: documents the agreement refers to, and its glossary.
import { type Block, bullets, table } from '../blocks.ts'
import { escapeMarkdown, plainText } from '../format.ts'
import type { SectionContext, SectionRenderer } from './context.ts'

function references(ctx: SectionContext): Block[] {
  return bullets(
    (ctx.spec.references ?? []).map((r) =>
      r.url ? `[${escapeMarkdown(r.title)}](<${r.url}>)` : escapeMarkdown(r.title),
    ),
  )
}

function glossary(ctx: SectionContext): Block[] {
  return table(
    ['Term', 'Definition'],
    (ctx.spec.glossary ?? []).map((g) => [g.term, plainText(g.definition)]),
  )
}

export const REFERENCE_SECTIONS = { references, glossary } satisfies Record<string, SectionRenderer>
