// Sealing a signed copy with the provider's certificate (PKCS#12): a detached PKCS#7
// signature (adbe.pkcs7.detached) over the whole file, which any PDF reader checks, so that
// a copy altered after sealing shows as broken. Pure JavaScript (@signpdf, pdf-lib,
// node-forge): nothing to install on the server.
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { P12Signer } from '@signpdf/signer-p12'
import { SignPdf } from '@signpdf/signpdf'
import { PDFDocument } from 'pdf-lib'
import { AppError } from '../domain/app-error.ts'

export type SealOptions = {
  /** Why the file is sealed, as readers show it. */
  reason: string
  /** Who seals it (the provider's name). */
  name: string
  location?: string
  contactInfo?: string
  /** When; the signer's clock if absent. */
  at?: Date
}

// Room for the PKCS#7 blob: a certificate chain of a few certificates fits easily.
const SIGNATURE_LENGTH = 16_384

export async function sealPdf(
  pdf: Uint8Array,
  p12: Buffer,
  password: string,
  options: SealOptions,
): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false })
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: options.reason,
    name: options.name,
    location: options.location ?? '',
    contactInfo: options.contactInfo ?? '',
    signatureLength: SIGNATURE_LENGTH,
    appName: 'Upheld',
    ...(options.at ? { signingTime: options.at } : {}),
  })
  // The signature dictionary must not be compressed into an object stream: the signer finds
  // its placeholder in the raw bytes.
  const prepared = await document.save({ useObjectStreams: false })
  try {
    const signer = new P12Signer(p12, { passphrase: password })
    return new Uint8Array(await new SignPdf().sign(Buffer.from(prepared), signer, options.at))
  } catch (error) {
    // forge's own words ("Invalid password?") say what is wrong; the prefix says where.
    throw new AppError('invalid_input', `the PKCS#12 sealing certificate: ${(error as Error).message}`)
  }
}
