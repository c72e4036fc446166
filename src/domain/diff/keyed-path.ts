// A path by position (`spec.licenses[0].expiry`, as lint findings carry it) written the way
// diffs write it (`spec.licenses[id=l-app].expiry`): list items by their key, so that the
// path still names the same thing after a revision reorders the list.
import type { PathSegment } from '../issues.ts'
import { fieldPath } from './diff-documents.ts'
import { isObject, itemStep } from './list-keys.ts'

export function keyedPath(document: unknown, segments: readonly PathSegment[]): string {
  let path = ''
  let node: unknown = document
  let field: string | undefined
  for (const segment of segments) {
    if (typeof segment === 'number') {
      path += Array.isArray(node) ? itemStep(field, node, segment) : `[${segment}]`
      node = Array.isArray(node) ? node[segment] : undefined
    } else {
      path = fieldPath(path, segment)
      node = isObject(node) ? node[segment] : undefined
      field = segment
    }
  }
  return path
}
