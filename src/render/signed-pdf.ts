// The signed copy of an agreement: the document, then a signature page (signatures and the
// audit summary), with the content hash in every page's footer. The records come from the
// lifecycle (signatures, audit log); this module only draws them.
import { canonicalJson, contentHash } from '../domain/agreement/content-hash.ts'
import type { Outline } from '../domain/agreement/outline.ts'
import type { Agreement } from '../domain/agreement/schema.ts'
import { changeSummary, type PreviousVersion } from './changes-section.ts'
import { buildDocument } from './document.ts'
import { outlineFor } from './index.ts'
import { renderPdf } from './pdf.ts'
import { signaturePage } from './signed-pdf-page.ts'

/** One signature as the lifecycle recorded it. */
export type SignatureRecord = {
  name: string
  email?: string
  /** What the signer signs as, e.g. `Head of service` or `signatory`. */
  role: string
  /** The party signed for, e.g. `Example IT Services Ltd (provider)`. */
  party: string
  /** Epoch ms. */
  signedAt: number
  /** How the signer proved who they were, e.g. `password`, `password + TOTP`, `OIDC`. */
  authMethod: string
  /** The content hash the signature binds to. */
  contentHash: string
}

/** The agreement's audit log in two numbers: how many entries, and the hash at its head. */
export type AuditSummary = { events: number; lastHash: string; at?: number }

export type SignedRecord = { signatures: readonly SignatureRecord[]; audit: AuditSummary }

export async function renderSignedPdf(
  agreement: Agreement,
  record: SignedRecord,
  options: { outline?: Outline; previous?: PreviousVersion } = {},
): Promise<Uint8Array> {
  const hash = contentHash(agreement)
  const doc = buildDocument(agreement, options.outline ?? outlineFor(agreement).outline, {
    contentHash: hash,
    ...(options.previous ? { changes: changeSummary(options.previous, agreement) } : {}),
  })
  return renderPdf(doc, {
    agreementJson: canonicalJson(agreement),
    appendix: signaturePage(hash, record.signatures, record.audit),
    footerNote: `Content hash (SHA-256): ${hash}`,
    // Dated by its last signature, a signed version renders to the same bytes every time.
    ...(record.signatures.length > 0
      ? { createdAt: new Date(Math.max(...record.signatures.map((s) => s.signedAt))) }
      : {}),
  })
}
