// One stored version of an agreement as a document people read: Markdown, standalone HTML or
// PDF, drawn by the render module from the version's canonical JSON. A customer reads only
// their own organisation's agreements (another's is "not found", as if it did not exist).
import { validateAgreement } from '../domain/agreement/parse-agreement.ts'
import type { RenderFormat } from '../render/formats.ts'
import { renderAgreement } from '../render/index.ts'
import type { Actor, Deps } from './deps.ts'
import { getAgreementVersion } from './get-agreement-version.ts'

export type RenderedVersion = { body: string | Uint8Array; filename: string }

export async function renderAgreementVersion(
  deps: Deps,
  actor: Actor,
  query: { agreementId: string; version: number; format: RenderFormat },
): Promise<RenderedVersion> {
  const row = await getAgreementVersion(deps, actor, query.agreementId, query.version)
  const result = validateAgreement(JSON.parse(row.document))
  if (!result.ok) throw new Error(`stored agreement ${row.agreement_id} v${row.version} no longer validates`)
  return {
    body: await renderAgreement(result.agreement, query.format),
    filename: `${row.agreement_id}-v${row.version}.${query.format}`,
  }
}
