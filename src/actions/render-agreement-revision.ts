// A draft revision of an agreement as a document people read, as it will read once signed:
// Markdown, standalone HTML or PDF, drawn from the revision's canonical JSON. Scoped as the
// revision is: a customer reads only their own organisation's.
import { validateAgreement } from '../domain/agreement/parse-agreement.ts'
import type { RenderFormat } from '../render/formats.ts'
import { renderAgreement } from '../render/index.ts'
import type { Actor, Deps } from './deps.ts'
import { getAgreementRevision } from './read-agreement-lifecycle.ts'
import type { RenderedVersion } from './render-agreement-version.ts'

export async function renderAgreementRevision(
  deps: Deps,
  actor: Actor,
  query: { agreementId: string; revision: number; format: RenderFormat },
): Promise<RenderedVersion> {
  const row = await getAgreementRevision(deps, actor, query.agreementId, query.revision)
  const result = validateAgreement(JSON.parse(row.document))
  if (!result.ok)
    throw new Error(`stored agreement ${row.agreement_id} revision ${row.revision} no longer validates`)
  return {
    body: await renderAgreement(result.agreement, query.format),
    filename: `${row.agreement_id}-r${row.revision}.${query.format}`,
  }
}
