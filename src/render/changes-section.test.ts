import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { renderAgreement } from './index.ts'
import { HELPDESK_FILE, readExample, withSpec } from './test-support/agreements.ts'

const version1 = readExample(HELPDESK_FILE)
const version2 = withSpec(version1, {
  purpose: 'Define the support Acme receives.',
  services: [...version1.spec.services!].reverse(),
})

describe('the change summary of a rendered version', () => {
  test('opens the document when the previous version is given', async () => {
    const md = (await renderAgreement(version2, 'md', undefined, {
      previous: { version: 1, agreement: version1 },
    })) as string
    const summary = md.slice(md.indexOf('## Changes from version 1'), md.indexOf('## 1 '))
    assert.match(summary, /This version differs from version 1 in 2 changes: 1 added, 1 moved\./)
    assert.match(summary, /\| spec\.purpose \| Added \| "Define the support Acme receives\." \|/)
    assert.match(summary, /\| spec\.services\\\[id=email\\\] \| Moved \| from position 2 to 1 \|/)
    assert.ok(md.indexOf('## Changes from version 1') < md.indexOf('## 1 The agreement'))
  })

  test('says so when nothing changed, and is absent without a previous version', async () => {
    const same = (await renderAgreement(version1, 'md', undefined, {
      previous: { version: 3, agreement: version1 },
    })) as string
    assert.match(same, /## Changes from version 3\n\n_Nothing changed from version 3\._/)
    assert.doesNotMatch((await renderAgreement(version1, 'md')) as string, /Changes from version/)
  })

  test('the HTML has it in its table of contents', async () => {
    const html = (await renderAgreement(version2, 'html', undefined, {
      previous: { version: 1, agreement: version1 },
    })) as string
    assert.match(html, /href="#changes-from-version-1"/)
  })
})
