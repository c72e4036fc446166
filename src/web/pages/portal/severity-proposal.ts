// Which of the agreement's severities a report probably is, from a few plain answers. The
// answers give a level from 1 (everything stopped) to 4 (a question or a small flaw); the level
// picks the agreement's severity with the matching impact when its severities say one, else
// the severity at that position by rank (an agreement with three severities puts levels 3 and
// 4 in its third). The customer sees why, and may choose another.

export type RequestKind = 'problem' | 'assistance' | 'feature'
export type Effect = 'down' | 'degraded' | 'fault' | 'minor'
export type Reach = 'everyone' | 'many' | 'few'
export type Answers = { effect?: Effect; reach?: Reach; workaround?: 'yes' | 'no' }

type Severity = { id: string; rank: number; name: string; impact?: string }
/** `reasons` read as one sentence after "because", in order; a reason may start with "and" or "but". */
export type Proposal = { severity: string; level: number; reasons: string[] }

/** `a`, `b`, `but c` → `a, b but c`; `a`, `b` → `a and b`. */
export function reasonsText(reasons: readonly string[]): string {
  const parts = [...reasons]
  const last = parts.pop()
  if (last === undefined) return ''
  if (parts.length === 0) return last
  const joined = /^(and|but) /.test(last) ? `${parts.join(', ')} ${last}` : `${parts.join(', ')} and ${last}`
  return joined
}

const EFFECT_LEVEL: Record<Effect, number> = { down: 1, degraded: 2, fault: 3, minor: 4 }
const IMPACT_AT_LEVEL = ['extensive', 'significant', 'moderate', 'minor']

const EFFECT_WORDS: Record<Effect, string> = {
  down: 'the service cannot be used at all',
  degraded: 'an important part does not work or is very slow',
  fault: 'something does not work as it should',
  minor: 'nothing is broken',
}
const REACH_WORDS: Record<Reach, string> = {
  everyone: 'everyone is affected',
  many: 'many people are affected',
  few: 'only a few people are affected',
}

/** 1 (most urgent) to 4, from the answers; null until the first question is answered. */
export function urgencyLevel(answers: Answers): number | null {
  if (!answers.effect) return null
  let level = EFFECT_LEVEL[answers.effect]
  if (answers.reach === 'many') level = Math.max(level, 2)
  if (answers.reach === 'few') level = Math.max(level, 3)
  // A way to keep working makes it less urgent, but a fault stays a fault.
  if (answers.workaround === 'yes' && level < 3) level += 1
  return level
}

export function proposeSeverity(
  severities: readonly Severity[],
  kind: RequestKind,
  answers: Answers,
): Proposal | null {
  const sorted = [...severities].sort((a, b) => a.rank - b.rank)
  if (sorted.length === 0) return null
  if (kind !== 'problem') {
    const least = sorted.at(-1)!
    const what = kind === 'feature' ? 'a feature request' : 'a question or a request for help'
    return { severity: least.id, level: 4, reasons: [`${what} is not urgent unless something is broken`] }
  }
  const level = urgencyLevel(answers)
  if (level === null) return null
  const byImpact = sorted.find((s) => s.impact === IMPACT_AT_LEVEL[level - 1])
  const chosen = byImpact ?? sorted[Math.min(sorted.length, level) - 1]!
  const reasons = [EFFECT_WORDS[answers.effect!]]
  if (answers.reach) reasons.push(REACH_WORDS[answers.reach])
  if (answers.workaround === 'yes') reasons.push('but there is a way to keep working')
  if (answers.workaround === 'no') reasons.push('and there is no way to keep working')
  return { severity: chosen.id, level, reasons }
}
