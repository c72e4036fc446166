import { AppError, type ErrorCode } from '../domain/app-error.ts'

/** Exit codes: 0 done, 1 the answer is "no" (invalid, breached), 2 bad input or usage. */
export const EXIT = {
  ok: 0,
  negative: 1,
  usage: 2,
  notFound: 3,
  conflict: 4,
  denied: 5,
  internal: 70,
} as const

const BY_CODE: Record<ErrorCode, number> = {
  invalid_input: EXIT.usage,
  no_open_time: EXIT.usage,
  out_of_range: EXIT.usage,
  not_found: EXIT.notFound,
  conflict: EXIT.conflict,
  unauthorized: EXIT.denied,
  forbidden: EXIT.denied,
  internal: EXIT.internal,
}

export function exitCodeOf(error: unknown): number {
  return error instanceof AppError ? BY_CODE[error.code] : EXIT.internal
}
