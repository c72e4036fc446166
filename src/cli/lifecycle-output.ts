// The lifecycle as lines for a terminal: what an act recorded, where an agreement stands
// section by section, the comment threads and the audit log.
import type { ActResult } from '../actions/lifecycle-session.ts'
import type { LifecycleView } from '../actions/read-agreement-lifecycle.ts'
import type { DraftResult } from '../actions/save-agreement-draft.ts'
import type { ChainedEntry } from '../domain/lifecycle/audit-chain.ts'
import type { Comment } from '../domain/lifecycle/replay.ts'
import type { Mark } from '../domain/lifecycle/sections.ts'
import { describeState, type EditionState } from '../domain/lifecycle/states.ts'

export function actLines(r: ActResult): string[] {
  const e = r.edition
  const where =
    e === null
      ? `${r.agreement}: no edition`
      : `${r.agreement}: edition ${e.edition} (revision ${e.revision}) is ${describeState(e.state as EditionState)}`
  const recorded = r.recorded.map((x) => `  #${x.seq} ${x.type}`)
  return [where, ...(recorded.length > 0 ? recorded : ['  nothing to change'])]
}

export function draftLines(d: DraftResult): string[] {
  const head = d.created
    ? `${d.agreement}: revision ${d.revision} saved, edition ${d.edition} is ${describeState(d.state as EditionState)}`
    : `${d.agreement}: unchanged, revision ${d.revision} of edition ${d.edition} already has this content`
  const lines = [head, `  content hash ${d.contentHash}`]
  if (d.changed.length > 0) lines.push(`  to agree again: ${d.changed.join(', ')}`)
  if (d.invalidated !== undefined) {
    const { approvals, signatures } = d.invalidated
    lines.push(
      `  the ${approvals} approval(s) and ${signatures} signature(s) given no longer hold: it is back in negotiation`,
    )
  }
  return lines
}

export function summaryLines(v: LifecycleView): string[] {
  const e = v.current
  if (e === undefined) return [`${v.agreement}: no revision yet (upheld agreement draft FILE)`]
  const lines = [
    `${v.agreement}: edition ${e.edition}, revision ${e.revision}, ${describeState(e.state)}`,
    `  content hash ${e.contentHash}`,
    `  ${'section'.padEnd(20)} ${'provider'.padEnd(10)} customer`,
    ...e.sectionStatus.map(
      (s) =>
        `  ${(s.present ? s.section : `${s.section} (removed)`).padEnd(20)} ${markOf(s.parties.provider).padEnd(10)} ${markOf(s.parties.customer)}`,
    ),
  ]
  if (e.awaiting.length > 0) lines.push(`Awaiting: ${e.awaiting.join('; ')}`)
  return lines
}

function markOf(mark: Mark | null): string {
  return mark === null ? '-' : mark.status
}

export function threadLines(comments: readonly Comment[]): string[] {
  if (comments.length === 0) return ['No comments.']
  const lines: string[] = []
  const walk = (parent: number | undefined, depth: number) => {
    for (const c of comments.filter((x) => x.replyTo === parent)) {
      const on = c.section === undefined ? '' : ` on ${c.section}`
      lines.push(`${'  '.repeat(depth)}#${c.seq} ${c.author.name ?? c.author.user}${on}, ${c.at}: ${c.body}`)
      walk(c.seq, depth + 1)
    }
  }
  walk(undefined, 0)
  return lines
}

export function historyLines(entries: readonly ChainedEntry[]): string[] {
  if (entries.length === 0) return ['No entries.']
  return entries.map((e) => {
    const p = e.payload as { edition?: number; from?: string; to?: string }
    const move = p.from !== undefined && p.to !== undefined && p.from !== p.to ? ` ${p.from} -> ${p.to}` : ''
    const edition = p.edition === undefined ? '' : ` edition ${p.edition}`
    return `#${e.seq} ${e.at} ${e.type}${edition}${move} by ${e.actor.email ?? e.actor.user} ${e.hash.slice(0, 12)}`
  })
}
