import { readFileSync } from 'node:fs'
import { type AgreementResult, parseAgreement } from '../domain/agreement/parse-agreement.ts'
import { AppError } from '../domain/app-error.ts'
import type { Issue } from '../domain/issues.ts'
import { locateIssues, parseSourceText } from '../domain/source-text.ts'

/** Reads and validates an agreement file; a missing file is an AppError, invalid content is a result. */
export function readAgreementFile(file: string): AgreementResult & { locate(issues: Issue[]): Issue[] } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError(
      code === 'ENOENT' ? 'not_found' : 'invalid_input',
      `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}`,
    )
  }
  const result = parseAgreement(text, { filename: file })
  return {
    ...result,
    // Findings made later (lint) get the same file:line:column as parse problems.
    locate(issues) {
      const source = parseSourceText(text, file)
      return source.ok ? locateIssues(source, issues, file) : issues
    },
  }
}
