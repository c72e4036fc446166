// A built-in template: a seed document rendered as agreement data, with typed placeholders
// for what each user must supply, and the seed's outline for rendering.

import type { Outline } from '../agreement/outline.ts'
import type { AgreementKind } from '../agreement/schema.ts'

export const PLACEHOLDER_TYPES = [
  'text',
  'id',
  'date',
  'email',
  'phone',
  'url',
  'number',
  'timezone',
] as const
export type PlaceholderType = (typeof PLACEHOLDER_TYPES)[number]

export type Placeholder = {
  /** Written `{{id}}` in the template text. */
  id: string
  type: PlaceholderType
  /** The question asked at a terminal. */
  prompt: string
  example: string
}

export type Template = {
  id: string
  title: string
  kind: AgreementKind
  /** The seed document(s) it reproduces, by file-name prefix in shared seeds. */
  seeds: string[]
  description: string
  placeholders: Placeholder[]
  outline: Outline
  /** The agreement, as YAML with `{{placeholder}}` markers. */
  yaml: string
}
