import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AgreementFacts, buildDistributionMessage, buildFindingMessage } from './agreement-messages.ts'
import { WebhookPayloadSchema } from './payloads.ts'
import { slackMessage } from './slack.ts'

const FACTS: AgreementFacts = {
  agreement: {
    id: 'crvs-support',
    version: 2,
    title: 'CRVS System Support Plan',
    contentHash: 'ab'.repeat(32),
  },
  customer: { id: 'registrar-general', name: 'Office of the Registrar General' },
  baseUrl: 'https://sla.gov.example/',
}
const DBA = { name: 'Database Administration', email: 'dba@gov.example', role: 'dba' }

describe('agreement messages', () => {
  const finding = buildFindingMessage({
    ...FACTS,
    finding: {
      rule: 'backup.restore-test-overdue',
      level: 'warning',
      path: 'spec.backups[id=b-wal]',
      message: 'backup "b-wal" has not been restored in a test since the agreement took effect on 2026-03-01',
      hint: 'run a restore test and record its date in lastRestoreTest',
    },
    firstSeen: Date.parse('2027-01-05T06:00:00Z'),
    owners: [DBA],
  })
  const distribution = buildDistributionMessage({
    ...FACTS,
    document: { filename: 'crvs-support-v2-signed.pdf', sha256: 'cd'.repeat(32), bytes: 154_844 },
    distributedAt: Date.parse('2027-01-05T06:00:00Z'),
    recipients: [DBA],
  })

  test('a finding says what, where, what to do and links to the health list', () => {
    assert.equal(
      finding.subject,
      '[Office of the Registrar General] CRVS System Support Plan: backup "b-wal" has not been restored in a test since the agreement took effect on 2026-03-01',
    )
    for (const part of ['spec.backups[id=b-wal]', 'run a restore test', '2027-01-05T06:00:00.000Z'])
      assert.ok(finding.text.includes(part), part)
    assert.ok(
      finding.html.includes(
        'https://sla.gov.example/agreements/crvs-support/health?customer=registrar-general',
      ),
    )
  })

  test('a distribution gives the content hash and the attached file’s hash', () => {
    assert.equal(
      distribution.subject,
      '[Office of the Registrar General] Signed: CRVS System Support Plan, version 2',
    )
    assert.ok(distribution.text.includes(`SHA-256 ${'ab'.repeat(32)}`))
    assert.ok(distribution.text.includes(`crvs-support-v2-signed.pdf (SHA-256 ${'cd'.repeat(32)})`))
  })

  test('the webhook payloads follow the documented schema, and Slack shows them', () => {
    for (const message of [finding, distribution]) {
      assert.deepEqual(WebhookPayloadSchema.parse(message.webhookPayload), message.webhookPayload)
      const slack = JSON.stringify(slackMessage(message.subject, message.webhookPayload))
      assert.ok(slack.includes('CRVS System Support Plan (version 2)'))
    }
  })
})
