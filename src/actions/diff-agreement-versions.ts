// What changed between two stored versions of an agreement. Versions are immutable snapshots,
// so the diff is computed on demand; a customer may diff only its own agreements.
import { AppError } from '../domain/app-error.ts'
import { type Change, diffDocuments } from '../domain/diff/diff-documents.ts'
import { listVersions } from '../storage/agreements.ts'
import type { Actor, Deps } from './deps.ts'
import { getAgreement } from './get-agreement.ts'

export type VersionRef = { version: number; content_hash: string; effective_from: Date }
export type AgreementDiff = { agreement: string; from: VersionRef; to: VersionRef; changes: Change[] }

/** `to` defaults to the newest version and `from` to the one before `to` (itself, for a first version). */
export async function diffAgreementVersions(
  deps: Deps,
  actor: Actor,
  agreementId: string,
  range: { from?: number; to?: number },
): Promise<AgreementDiff> {
  await getAgreement(deps, actor, agreementId)
  const versions = await listVersions(deps.db, agreementId)
  const to = range.to ?? versions.at(-1)?.version ?? 1
  const from = range.from ?? Math.max(1, to - 1)
  const pick = (version: number, option: string) => {
    const row = versions.find((v) => v.version === version)
    if (row) return row
    const known = versions.map((v) => v.version).join(', ')
    throw new AppError('not_found', `agreement "${agreementId}" has no version ${version}`, [
      { path: [option], message: `no version ${version}`, hint: `its versions are ${known}` },
    ])
  }
  const b = pick(to, 'to')
  const a = pick(from, 'from')
  const ref = (v: typeof a): VersionRef => ({
    version: v.version,
    content_hash: v.content_hash,
    effective_from: v.effective_from,
  })
  return {
    agreement: agreementId,
    from: ref(a),
    to: ref(b),
    changes: diffDocuments(JSON.parse(a.document), JSON.parse(b.document)),
  }
}
