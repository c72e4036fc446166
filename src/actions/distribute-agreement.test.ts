// Distribution end to end: the signed PDF goes through the outbox to a real SMTP server, and
// what arrives is read back (mailparser, pdftotext, pdfsig).
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, test } from 'node:test'
import type { ParsedMail } from 'mailparser'
import { AppError } from '../domain/app-error.ts'
import { WebhookPayloadSchema } from '../domain/notifications/payloads.ts'
import { deliverDue } from '../jobs/deliver-notifications.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../jobs/test-support/receivers.ts'
import type { SignedRecord } from '../render/signed-pdf.ts'
import { selfSignedP12 } from '../render/test-support/pkcs12.ts'
import { poppler } from '../render/test-support/poppler.ts'
import { listDistributions } from '../storage/agreement-distributions.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import {
  type DistributeDeps,
  type DistributionAuditEvent,
  distributeAgreement,
} from './distribute-agreement.ts'
import { createChannel } from './manage-notification-channels.ts'
import { ACME, ADMIN, HELPDESK_SLA, seedPeople } from './test-support/fixtures.ts'
import { uploadAgreement } from './upload-agreement.ts'

const NOW = Date.parse('2026-03-04T09:00:00Z')
const dir = mkdtempSync(join(tmpdir(), 'upheld-distribute-'))

// The helpdesk SLA naming three departments (one by its own address, one through a contact,
// one with no address at all) and a stakeholder.
const SLA = `${HELPDESK_SLA.trimEnd()}
  departments:
    - { id: d-fin, name: Finance department, email: finance@acme.example }
    - { id: d-it, name: IT department, contact: c-customer-it }
    - { id: d-hr, name: HR department }
  stakeholders:
    - { id: st-owner, contact: c-service-owner }
`

describe('distributeAgreement', () => {
  let t: TestDb
  let smtp: SmtpReceiver
  let audit: DistributionAuditEvent[]
  let deps: DistributeDeps
  let hash: string

  beforeEach(async () => {
    t = await createTestDb()
    await seedPeople(t.db)
    smtp = await startSmtpReceiver()
    audit = []
    const base = { db: t.db, now: () => NOW, publicUrl: 'https://sla.example-it.example' }
    hash = (await uploadAgreement(base, ADMIN, { text: SLA })).contentHash
    await createChannel(base, ADMIN, {
      kind: 'email',
      name: 'mail',
      host: '127.0.0.1',
      port: smtp.port,
      from: 'Upheld <sla@example-it.example>',
    })
    deps = { ...base, lifecycle: lifecycle(signed(hash), audit) }
  })
  afterEach(async () => {
    await smtp.close()
    await t.drop()
  })

  test('mails the signed PDF to the departments, signatories and stakeholders, and records it', async () => {
    const { distribution, enqueued } = await distributeAgreement(deps, ADMIN, 'acme-helpdesk', 1)
    const addresses = [
      'finance@acme.example',
      'it@acme.example',
      'dana.okafor@example-it.example',
      'ruth.mensah@acme.example',
      'luis.ferreira@example-it.example',
    ]
    assert.deepEqual(distribution.recipients.map((r) => r.email).sort(), [...addresses].sort())
    assert.deepEqual(distribution.unreachable, [{ name: 'HR department', as: 'department: HR department' }])
    assert.equal(enqueued, addresses.length)
    assert.equal((await deliverDue({ db: t.db }, { now: NOW })).delivered, addresses.length)
    assert.deepEqual(smtp.mails.map(toAddress).sort(), [...addresses].sort())
    for (const mail of smtp.mails) {
      assert.equal(mail.subject, '[Acme] Signed: Helpdesk Service Level Agreement, version 1')
      assert.ok(mail.text?.includes(hash), 'the body gives the content hash')
      const pdf = attachedPdf(mail)
      assert.equal(createHash('sha256').update(pdf).digest('hex'), distribution.document_sha256)
    }
    const text = pdfText(attachedPdf(smtp.mails[0]!))
    assert.match(text, new RegExp(`Content hash \\(SHA-256\\): ${hash}`))
    assert.match(text, /Signatures[\s\S]*Dana Okafor[\s\S]*Ruth Mensah/)
    const [stored] = await listDistributions(t.db, 'acme', 'acme-helpdesk')
    assert.deepEqual(
      [stored?.distributed_by, stored?.distributed_at.getTime(), stored?.content_hash],
      ['u-admin', NOW, hash],
    )
    assert.deepEqual(
      audit.map((e) => [e.type, e.version, e.payload.recipients.length]),
      [['DISTRIBUTED', 1, 5]],
    )
  })

  test('the PDF is stored once, and distributing the version again sends nothing twice', async () => {
    await distributeAgreement(deps, ADMIN, 'acme-helpdesk', 1)
    const again = await distributeAgreement(deps, ADMIN, 'acme-helpdesk', 1)
    assert.equal(again.enqueued, 0)
    const [{ n }] = (await t.db.query('select count(*)::int as n from notification_attachments')) as [
      { n: number },
    ]
    assert.equal(n, 1)
    assert.equal((await listDistributions(t.db, 'acme', 'acme-helpdesk')).length, 2, 'both acts are recorded')
  })

  test('a webhook is told of the distribution, without the PDF', async () => {
    await createChannel(deps, ADMIN, {
      kind: 'webhook',
      name: 'ops',
      url: 'http://127.0.0.1:9/hook',
      secret: 'whsec_0123456789abcdef',
    })
    await distributeAgreement(deps, ADMIN, 'acme-helpdesk', 1)
    const [hook] = await t.db.query<{ payload: Record<string, unknown> }>(
      "select payload from notifications where recipient = 'http://127.0.0.1:9/hook'",
    )
    assert.equal(hook?.payload.attachments, undefined)
    const event = WebhookPayloadSchema.parse(hook?.payload.event)
    assert.ok(event.type === 'agreement.distributed' && event.data.agreement.content_hash === hash)
  })

  test('sealed with the configured certificate, the attachment passes pdfsig', async () => {
    const p12 = selfSignedP12('Example IT seal', 'pw')
    await distributeAgreement({ ...deps, seal: { p12, password: 'pw' } }, ADMIN, 'acme-helpdesk', 1)
    await deliverDue({ db: t.db }, { now: NOW })
    const file = join(dir, 'sealed-attachment.pdf')
    writeFileSync(file, attachedPdf(smtp.mails[0]!))
    assert.match(poppler('pdfsig', [file]), /Signature Validation: Signature is Valid\./)
    assert.equal(audit.at(-1)?.payload.sealed, true)
  })

  test('refuses an unsigned version, a customer, and a distribution with no email channel', async () => {
    const unsigned = { ...deps, lifecycle: lifecycle(null, audit) }
    await assert.rejects(
      distributeAgreement(unsigned, ADMIN, 'acme-helpdesk', 1),
      hasCode('conflict', /not signed/),
    )
    await assert.rejects(
      distributeAgreement(deps, ACME, 'acme-helpdesk', 1),
      hasCode('forbidden', /admin or agent/),
    )
    await t.db.execute('update notification_channels set disabled_at = now()')
    await assert.rejects(
      distributeAgreement(deps, ADMIN, 'acme-helpdesk', 1),
      hasCode('conflict', /no email channel/),
    )
    assert.equal((await listDistributions(t.db, 'acme', 'acme-helpdesk')).length, 0)
    assert.equal(audit.length, 0)
  })
})

function signed(contentHash: string): SignedRecord {
  const signature = (name: string, party: string, at: string) => ({
    name,
    role: 'signatory',
    party,
    signedAt: Date.parse(at),
    authMethod: 'password',
    contentHash,
  })
  return {
    signatures: [
      signature('Dana Okafor', 'Example IT Services Ltd (provider)', '2026-03-02T10:00:00Z'),
      signature('Ruth Mensah', 'Acme Corporation (customer)', '2026-03-03T11:00:00Z'),
    ],
    audit: { events: 9, lastHash: 'f'.repeat(64) },
  }
}

function lifecycle(
  record: SignedRecord | null,
  audit: DistributionAuditEvent[],
): DistributeDeps['lifecycle'] {
  return {
    signedRecord: async () => record,
    recordEvent: async (_db, event) => {
      audit.push(event)
    },
  }
}

function toAddress(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to
  return to?.value[0]?.address ?? ''
}

function attachedPdf(mail: ParsedMail): Buffer {
  assert.equal(mail.attachments.length, 1)
  const [file] = mail.attachments
  assert.equal(file!.contentType, 'application/pdf')
  assert.equal(file!.filename, 'acme-helpdesk-v1-signed.pdf')
  assert.equal(file!.content.subarray(0, 5).toString('latin1'), '%PDF-')
  return file!.content
}

function pdfText(pdf: Buffer): string {
  const file = join(dir, `${createHash('sha256').update(pdf).digest('hex')}.pdf`)
  writeFileSync(file, pdf)
  return poppler('pdftotext', ['-layout', file, '-'])
}

function hasCode(code: string, message: RegExp) {
  return (error: unknown) => error instanceof AppError && error.code === code && message.test(error.message)
}
