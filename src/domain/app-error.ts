import { formatIssue, type Issue } from './issues.ts'

/** The closed list of failure codes; the API and the CLI map each to a status or exit code. */
export const ERROR_CODES = [
  'invalid_input',
  'no_open_time',
  'out_of_range',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** The one error type Upheld throws. `issues` lists every problem found, by path. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly issues: Issue[]

  constructor(code: ErrorCode, message: string, issues: Issue[] = []) {
    super(issues.length > 0 ? `${message}\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}` : message)
    this.name = 'AppError'
    this.code = code
    this.issues = issues
  }
}
