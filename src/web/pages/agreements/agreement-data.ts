// The agreement pages' reads and writes: the API's shapes (inferred from its schemas), one
// query per record, and the acts, after which everything about the agreement is read again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AgreementHealthSchema } from '../../../api/schemas/agreement-changes.ts'
import type {
  AgreementDetailSchema,
  AgreementListSchema,
  VersionDocumentSchema,
} from '../../../api/schemas/agreements.ts'
import type {
  ActResultSchema,
  ActsSchema,
  DraftResultSchema,
  HistorySchema,
  LifecycleSchema,
  RevisionSchema,
  VerificationSchema,
} from '../../../api/schemas/lifecycle.ts'
import { api, get, post, request } from '../../api.ts'

export type AgreementList = z.infer<typeof AgreementListSchema>
export type ListedAgreement = AgreementList['items'][number]
export type AgreementDetail = z.infer<typeof AgreementDetailSchema>
export type VersionDocument = z.infer<typeof VersionDocumentSchema>
export type Lifecycle = z.infer<typeof LifecycleSchema>
export type CurrentEdition = NonNullable<Lifecycle['current']>
export type SectionRow = CurrentEdition['sections'][number]
export type LifecycleComment = Lifecycle['comments'][number]
export type Acts = z.infer<typeof ActsSchema>
export type ActName = Acts['acts'][number]['act']
export type ActResult = z.infer<typeof ActResultSchema>
export type DraftResult = z.infer<typeof DraftResultSchema>
export type History = z.infer<typeof HistorySchema>
export type Verification = z.infer<typeof VerificationSchema>
export type Revision = z.infer<typeof RevisionSchema>
export type Health = z.infer<typeof AgreementHealthSchema>

/** A stored document: a draft revision, or a signed version. */
export type DocRef = { kind: 'revision' | 'version'; number: number }

/** `r3` or `v2`, as an address keeps the choice of a document. */
export function parseDocRef(text: string | null): DocRef | undefined {
  const m = /^([rv])(\d+)$/.exec(text ?? '')
  return m ? { kind: m[1] === 'r' ? 'revision' : 'version', number: Number(m[2]) } : undefined
}
export const docRefKey = (ref: DocRef) => `${ref.kind === 'revision' ? 'r' : 'v'}${ref.number}`

const base = (id: string) => `/api/agreements/${encodeURIComponent(id)}`
export const docPath = (id: string, ref: DocRef) =>
  `${base(id)}/${ref.kind === 'revision' ? 'revisions' : 'versions'}/${ref.number}`

export const keys = {
  list: ['agreements'] as const,
  agreement: (id: string) => ['agreement', id] as const,
}

export function useAgreementList() {
  return useQuery({
    queryKey: keys.list,
    queryFn: ({ signal }) => get<AgreementList>('/api/agreements', signal),
  })
}

export function useAgreement(id: string) {
  return useQuery({
    queryKey: [...keys.agreement(id), 'detail'],
    queryFn: ({ signal }) => get<AgreementDetail>(base(id), signal),
  })
}

export function useLifecycle(id: string) {
  return useQuery({
    queryKey: [...keys.agreement(id), 'lifecycle'],
    queryFn: ({ signal }) => get<Lifecycle>(`${base(id)}/lifecycle`, signal),
  })
}

export function useActs(id: string) {
  return useQuery({
    queryKey: [...keys.agreement(id), 'actions'],
    queryFn: ({ signal }) => get<Acts>(`${base(id)}/actions`, signal),
  })
}

export function useHistory(id: string) {
  return useQuery({
    queryKey: [...keys.agreement(id), 'history'],
    queryFn: ({ signal }) => get<History>(`${base(id)}/history`, signal),
  })
}

export function useHealth(id: string, state: 'open' | 'all') {
  return useQuery({
    queryKey: [...keys.agreement(id), 'health', state],
    queryFn: ({ signal }) => get<Health>(`${base(id)}/health?state=${state}`, signal),
  })
}

/** A stored document as data: the agreement as JSON. */
export function useDocument(id: string, ref: DocRef | undefined) {
  return useQuery({
    queryKey: [...keys.agreement(id), ref?.kind, ref?.number, 'json'],
    queryFn: async ({ signal }) => {
      const path = docPath(id, ref!)
      const record = await get<Revision | VersionDocument>(path, signal)
      return record.document
    },
    enabled: ref !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** A stored document rendered as standalone HTML. Stored documents never change. */
export function useRenderedDocument(id: string, ref: DocRef | undefined) {
  return useQuery({
    queryKey: [...keys.agreement(id), ref?.kind, ref?.number, 'html'],
    queryFn: async ({ signal }) => {
      const response = await request('GET', `${docPath(id, ref!)}/document?format=html`, { signal })
      return response.text()
    },
    enabled: ref !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** Reads everything about the agreement again, and the list it appears in. */
export function useRefreshAgreement(id: string) {
  const client = useQueryClient()
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.agreement(id) }),
      client.invalidateQueries({ queryKey: keys.list }),
    ])
}

/** A lifecycle act (`path` under the agreement), answered with what it recorded. */
export function useAct(id: string) {
  const refresh = useRefreshAgreement(id)
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      post<ActResult>(`${base(id)}/${path}`, body ?? {}),
    onSuccess: () => refresh(),
  })
}

/** Saves YAML as a draft revision of agreement `id` (a first one creates the agreement). */
export function saveRevision(id: string, yaml: string): Promise<DraftResult> {
  return api<DraftResult>('POST', `${base(id)}/revisions`, { text: yaml, type: 'application/yaml' })
}
