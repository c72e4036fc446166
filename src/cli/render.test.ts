import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { runCli } from './test-support/run-cli.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-render-'))
const examples = fileURLToPath(new URL('../../../shared/examples/', import.meta.url))
const helpdesk = join(examples, 'helpdesk-sla.yaml')
const crvsText = readFileSync(join(examples, 'crvs-support-plan.yaml'), 'utf8')

/** The CRVS example, naming a template in its metadata. */
function crvsWithTemplate(id: string): string {
  const path = join(dir, `crvs-${id}.yaml`)
  writeFileSync(
    path,
    crvsText.replace('  number: SP-2026-004\n', `  number: SP-2026-004\n  template: { id: ${id} }\n`),
  )
  return path
}

describe('upheld render', () => {
  test('prints Markdown to stdout', () => {
    const r = runCli(['render', helpdesk, '--format', 'md'])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^# Helpdesk Service Level Agreement\n/)
    assert.match(
      r.stdout,
      /^\| P1 Critical \| First response \| within 30 minutes \| always \(24×7\) \| 95% \|$/m,
    )
  })

  test('writes to the file given with -o, in the format of its extension, and nothing to stdout', () => {
    const out = join(dir, 'helpdesk.html')
    const r = runCli(['render', helpdesk, '-o', out])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(r.stdout, '')
    assert.match(
      readFileSync(out, 'utf8'),
      /^<!doctype html>[\s\S]*<h1>Helpdesk Service Level Agreement<\/h1>/,
    )
  })

  test('writes a PDF to stdout when stdout is not a terminal', () => {
    const r = runCli(['render', helpdesk, '--format', 'pdf'])
    assert.equal(r.code, 0, r.stderr)
    assert.ok(r.stdout.startsWith('%PDF-1.7'))
    assert.match(r.stdout, /agreement\.json/)
  })

  test('follows the outline of the template the agreement names', () => {
    const r = runCli(['render', crvsWithTemplate('support-plan'), '--format', 'md'])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^#### 2\.2\.1 Software$/m)
    assert.match(r.stdout, /^### 4\.1 Problem Referral Contacts$/m)
  })

  test('falls back to the default outline, with a warning, for an unknown template', () => {
    const r = runCli(['render', crvsWithTemplate('no-such-template'), '--format', 'md'])
    assert.equal(r.code, 0, r.stderr)
    assert.match(
      r.stderr,
      /template "no-such-template" is not a built-in template; using the default outline/,
    )
    assert.match(r.stdout, /^### 3\.2 Software$/m)
  })

  test('renders nothing for an invalid agreement, prints its issues and exits 1', () => {
    const bad = join(dir, 'bad.yaml')
    writeFileSync(bad, readFileSync(helpdesk, 'utf8').replace('within: 30m', 'within: soon'))
    const out = join(dir, 'bad.md')
    const r = runCli(['render', bad, '-o', out])
    assert.equal(r.code, 1)
    assert.equal(r.stdout, '')
    assert.match(r.stderr, /bad\.yaml:\d+:\d+: spec\.targets\[0\]\.within: "soon" is not a duration/)
    assert.match(r.stderr, /nothing was rendered/)
    assert.throws(() => readFileSync(out))
  })

  test('reports a missing file and an unknown format', () => {
    const missing = runCli(['render', join(dir, 'nope.yaml')])
    assert.equal(missing.code, 3)
    assert.match(missing.stderr, /nope\.yaml: no such file/)
    const format = runCli(['render', helpdesk, '--format', 'docx'])
    assert.equal(format.code, 2)
    assert.match(format.stderr, /docx/)
  })
})
