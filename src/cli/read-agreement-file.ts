import { readFileSync } from 'node:fs'
import { type AgreementResult, parseAgreement } from '../domain/agreement/parse-agreement.ts'
import { AppError } from '../domain/app-error.ts'

/** Reads and validates an agreement file; a missing file is an AppError, invalid content is a result. */
export function readAgreementFile(file: string): AgreementResult {
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
  return parseAgreement(text, { filename: file })
}
