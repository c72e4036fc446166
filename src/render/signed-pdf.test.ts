import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { contentHash } from '../domain/agreement/content-hash.ts'
import { AppError } from '../domain/app-error.ts'
import { renderSignedPdf, type SignedRecord } from './signed-pdf.ts'
import { sealPdf } from './signed-pdf-seal.ts'
import { HELPDESK_FILE, readExample, withSpec } from './test-support/agreements.ts'
import { selfSignedP12 } from './test-support/pkcs12.ts'
import { poppler } from './test-support/poppler.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-signed-'))
const version1 = readExample(HELPDESK_FILE)
const agreement = withSpec(version1, {
  term: { ...version1.spec.term!, review: { every: 'P3M', owner: 'c-service-owner' } },
  purpose: 'Set out the levels of continuous support Acme receives.',
})
const hash = contentHash(agreement)
const at = (iso: string) => Date.parse(iso)

const RECORD: SignedRecord = {
  signatures: [
    {
      name: 'Dana Okafor',
      email: 'dana.okafor@example-it.example',
      role: 'Head of service',
      party: 'Example IT Services Ltd (provider)',
      signedAt: at('2026-03-02T10:15:00Z'),
      authMethod: 'password + TOTP',
      contentHash: hash,
    },
    {
      name: 'Ruth Mensah',
      role: 'Customer representative',
      party: 'Acme Corporation (customer)',
      signedAt: at('2026-03-03T16:40:00Z'),
      authMethod: 'OIDC',
      contentHash: hash,
    },
  ],
  audit: { events: 17, lastHash: 'ab'.repeat(32), at: at('2026-03-03T16:41:00Z') },
}

describe('the signed PDF', () => {
  let path = ''
  let pages: string[] = []

  before(async () => {
    const bytes = await renderSignedPdf(agreement, RECORD, { previous: { version: 1, agreement: version1 } })
    path = join(dir, 'signed.pdf')
    writeFileSync(path, bytes)
    pages = poppler('pdftotext', ['-layout', path, '-'])
      .split('\f')
      .filter((p) => p.trim() !== '')
  })

  test('ends with a signature page: each signature, and the audit summary', () => {
    const page = pages.at(-1)!
    assert.match(page, /Signatures/)
    // The table's cells wrap, so each is looked for on its own.
    for (const cell of [
      /Dana Okafor\s+Head of service,\s+2026-03-02 10:15\s+password \+/,
      /Ruth Mensah\s+Customer representative,\s+2026-03-03 16:40\s+OIDC/,
      /dana\.okafor@example-/,
      /TOTP/,
    ])
      assert.match(page, cell)
    assert.match(page, /Events recorded\s+17/)
    assert.match(page, new RegExp(`Last entry hash\\s+${'ab'.repeat(32)}`))
    assert.doesNotMatch(page, /not this content/)
  })

  test('prints the content hash on every page', () => {
    assert.ok(pages.length > 3)
    for (const [i, page] of pages.entries())
      assert.match(page, new RegExp(`Content hash \\(SHA-256\\): ${hash}`), `page ${i + 1}`)
  })

  test('opens with the changes from the previous version', () => {
    const text = pages.join('\n')
    assert.match(text, /Changes from version 1/)
    assert.match(text, /spec\.term\.review\.every\s+Changed\s+was "P6M", now "P3M"/)
    assert.match(text, /spec\.purpose\s+Added/)
  })

  test('says so when a signature binds to other content', async () => {
    const stale = { ...RECORD, signatures: [{ ...RECORD.signatures[0]!, contentHash: 'cd'.repeat(32) }] }
    const file = join(dir, 'stale.pdf')
    writeFileSync(file, await renderSignedPdf(agreement, stale))
    assert.match(poppler('pdftotext', ['-layout', file, '-']), /not this content/)
  })

  describe('sealed with a PKCS#12 certificate', () => {
    const p12 = selfSignedP12('Example IT seal', 'correct horse')
    let sealedPath = ''

    before(async () => {
      const sealed = await sealPdf(readFileSync(path), p12, 'correct horse', {
        reason: `Signed agreement, content hash ${hash}`,
        name: 'Example IT Services Ltd',
        at: new Date('2026-03-03T16:41:00Z'),
      })
      sealedPath = join(dir, 'sealed.pdf')
      writeFileSync(sealedPath, sealed)
    })

    test('pdfsig finds the signature valid over the whole document (the certificate is self-signed)', () => {
      const report = poppler('pdfsig', [sealedPath])
      assert.match(report, /Signer Certificate Common Name: Example IT seal/)
      assert.match(report, /Signature Type: adbe\.pkcs7\.detached/)
      assert.match(report, /Total document signed/)
      assert.match(report, /Signature Validation: Signature is Valid\./)
    })

    test('keeps the signature page, the footers and the embedded agreement.json', () => {
      const text = poppler('pdftotext', ['-layout', sealedPath, '-'])
      assert.match(text, /Ruth Mensah/)
      assert.match(text, new RegExp(`Content hash \\(SHA-256\\): ${hash}`))
      assert.match(poppler('pdfdetach', ['-list', sealedPath]), /agreement\.json/)
    })

    test('a byte changed after sealing breaks the signature', () => {
      const bytes = readFileSync(sealedPath)
      bytes[2000] = bytes[2000]! ^ 1
      const tampered = join(dir, 'tampered.pdf')
      writeFileSync(tampered, bytes)
      assert.match(
        poppler('pdfsig', [tampered]),
        /Signature Validation: (Digest Mismatch|Signature is Invalid)/,
      )
    })

    test('a wrong password is an error that says what is wrong', async () => {
      await assert.rejects(
        sealPdf(readFileSync(path), p12, 'wrong', { reason: 'x', name: 'x' }),
        (error: unknown) =>
          error instanceof AppError && error.code === 'invalid_input' && /PKCS#12/.test(error.message),
      )
    })
  })
})
