// The one error mapper: an AppError's code decides the HTTP status, and every error leaves as
// { error: { code, message, details } }. Anything unexpected is a 500 whose body says nothing
// of the inside (no message, no stack); it is logged instead.
//
// invalid_input is always 400, whether a query parameter, a JSON field or a line of an uploaded
// agreement is wrong: one code, one status. 422 is kept for input that is well-formed but
// cannot be honoured (no_open_time, out_of_range).
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError, type ErrorCode } from '../domain/app-error.ts'
import type { Issue } from '../domain/issues.ts'

export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  no_open_time: 422,
  out_of_range: 422,
  internal: 500,
}

const HTTP_CODES: Partial<Record<number, string>> = {
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
}

export type ErrorBody = { error: { code: string; message: string; details: Issue[] } }

export function errorBody(code: string, message: string, details: Issue[] = []): ErrorBody {
  return { error: { code, message, details } }
}

export function errorResponse(c: Context, error: unknown, log: (error: unknown) => void): Response {
  if (error instanceof AppError) {
    if (error.code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer realm="upheld"')
    // AppError appends its issues to the message for terminals; here they travel as details.
    const message = error.message.split('\n')[0]!
    return c.json(errorBody(error.code, message, error.issues), STATUS_OF[error.code])
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = HTTP_CODES[error.status] ?? 'invalid_input'
    return c.json(errorBody(code, error.message), error.status as ContentfulStatusCode)
  }
  log(error)
  return c.json(errorBody('internal', 'something went wrong inside Upheld; it has been logged'), 500)
}
