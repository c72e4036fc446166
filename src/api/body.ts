// Reading request bodies: the media type is checked, the size is capped (bodyLimit, before any
// byte is parsed), and malformed JSON is a 400 that says where, never a 500.
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { AppError } from '../domain/app-error.ts'
import type { Issue } from '../domain/issues.ts'

// A batch of 1,000 events is about 250 kB; agreements are tens of kB.
export const MAX_BODY_BYTES = 5 * 1024 * 1024

export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new HTTPException(413, {
      message: `the request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; send events in batches of up to 1,000`,
    })
  },
})

export function mediaTypeOf(c: Context): string | undefined {
  return c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() || undefined
}

export function requireMediaType(c: Context, accepted: readonly string[]): string {
  const type = mediaTypeOf(c)
  if (type === undefined || !accepted.includes(type)) {
    throw new HTTPException(415, {
      message: `send the body as ${accepted.join(' or ')}${type === undefined ? ' (Content-Type is missing)' : `, not ${type}`}`,
    })
  }
  return type
}

export async function readJson(c: Context): Promise<unknown> {
  requireMediaType(c, ['application/json'])
  const text = await c.req.text()
  if (text.trim() === '') throw new AppError('invalid_input', 'the request body is empty; send JSON')
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new AppError('invalid_input', 'the request body is not valid JSON', [jsonIssue(text, error)])
  }
}

// V8 says either "… in JSON at position N", turned here into a line and column, or
// "Unexpected token 'x', "<a piece of the body>" is not valid JSON", whose piece is dropped.
function jsonIssue(text: string, error: unknown): Issue {
  const message = error instanceof Error ? error.message : String(error)
  const position = /in JSON at position (\d+)/.exec(message)
  const issue: Issue = {
    path: [],
    message: message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, ''),
  }
  if (position) {
    const before = text.slice(0, Number(position[1]))
    const lines = before.split('\n')
    issue.line = lines.length
    issue.column = lines.at(-1)!.length + 1
  }
  return issue
}
