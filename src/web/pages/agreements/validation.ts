// Checking an agreement as it is typed, in the browser, with the domain the server uses: the
// schema (every problem with its line and column), then the lint rules of submission, each
// finding placed on the line its path points at.
import { parseAgreement } from '../../../domain/agreement/parse-agreement.ts'
import type { Agreement } from '../../../domain/agreement/schema.ts'
import { formatPath, type Issue } from '../../../domain/issues.ts'
import { lintAgreement, rulesFor } from '../../../domain/lint/index.ts'
import { parseSourceText } from '../../../domain/source-text.ts'

export type Problem = {
  line: number
  column: number
  level: 'error' | 'warning'
  /** Where in the document: spec.targets[0].within. */
  path: string
  message: string
  hint?: string
  /** schema: the agreement cannot be saved; lint: it cannot be submitted (errors) or needs an acknowledgement. */
  source: 'schema' | 'lint' | 'server'
  rule?: string
}

export type Validation = { agreement?: Agreement; problems: Problem[] }

export function fromIssue(issue: Issue, level: Problem['level'], source: Problem['source']): Problem {
  return {
    line: issue.line ?? 1,
    column: issue.column ?? 1,
    level,
    path: formatPath(issue.path),
    message: issue.message,
    ...(issue.hint === undefined ? {} : { hint: issue.hint }),
    source,
  }
}

/** The schema's problems, or (when it holds) what the submission rules find on `today`. */
export function validateYaml(text: string, today: string): Validation {
  const parsed = parseAgreement(text)
  const warnings = parsed.warnings.map((w) => fromIssue(w, 'warning', 'schema'))
  if (!parsed.ok)
    return { problems: [...parsed.issues.map((i) => fromIssue(i, 'error', 'schema')), ...warnings] }
  const source = parseSourceText(text)
  const findings = lintAgreement(parsed.agreement, { today, rules: rulesFor('submit') }).map((f) => {
    const at = source.ok ? source.locate(f.path) : null
    return {
      ...fromIssue({ ...f, line: at?.line, column: at?.column }, f.level, 'lint'),
      rule: f.rule,
    }
  })
  return { agreement: parsed.agreement, problems: byLine([...warnings, ...findings]) }
}

export function byLine(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column)
}

/** Today's date where the browser is, as the lint rules take it. */
export function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The problems at this field or inside it. */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
  )
}
