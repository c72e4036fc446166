// Keyset paging: a cursor is the sort key of the last item of a page, opaque to clients.
import { AppError } from '../domain/app-error.ts'

export function writeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** The key inside a cursor, checked by `isKey`; anything else is a clear 400, never a 500. */
export function readCursor<K extends unknown[]>(cursor: string, isKey: (key: unknown[]) => key is K): K {
  let key: unknown
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    key = undefined
  }
  if (Array.isArray(key) && isKey(key)) return key
  throw new AppError('invalid_input', 'the cursor is not one this API gave', [
    { path: ['cursor'], message: 'is not valid', hint: 'pass next_cursor from the previous page unchanged' },
  ])
}
