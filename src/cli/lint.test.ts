import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { runCli } from './test-support/run-cli.ts'

const example = (name: string) => fileURLToPath(new URL(`../../../shared/examples/${name}`, import.meta.url))

describe('upheld lint', () => {
  test('the CRVS plan has warnings only: exit 0, each with its place and rule', () => {
    const r = runCli(['lint', example('crvs-support-plan.yaml'), '--at', '2026-06-01'])
    assert.equal(r.code, 0, r.stderr)
    assert.match(
      r.stdout,
      /^warning {2}.*crvs-support-plan\.yaml:113:\d+: spec\.backups\[0\]\.lastRestoreTest: backup "b-nightly" was last restored in a test on 2026-02-10.* \[backup\.restore-test-overdue\]$/m,
    )
    assert.match(r.stdout, /crvs-support-plan\.yaml: 0 errors, 5 warnings as of 2026-06-01$/m)
  })

  test('an error exits 1; JSON carries rule, level and position', () => {
    const r = runCli(['lint', example('helpdesk-sla.yaml'), '--at', '2026-06-01', '--json'])
    assert.equal(r.code, 1)
    const report = JSON.parse(r.stdout)
    const error = report.findings.find((f: { level: string }) => f.level === 'error')
    assert.deepEqual(
      [error.rule, error.line, error.path],
      ['target.required-metrics', 69, ['spec', 'severities', 3]],
    )
  })

  test('the date matters: a licence reminder appears only once its lead time is reached', () => {
    const before = runCli([
      'lint',
      example('crvs-support-plan.yaml'),
      '--at',
      '2026-06-01',
      '--only',
      'continuous',
    ])
    const after = runCli([
      'lint',
      example('crvs-support-plan.yaml'),
      '--at',
      '2027-01-15',
      '--only',
      'continuous',
    ])
    assert.doesNotMatch(before.stdout, /licence\.renewal-due/)
    assert.match(after.stdout, /\[licence\.renewal-due\]$/m)
  })

  test('--rules lists at least 25 rules; a bad date is refused with exit 2', () => {
    const rules = runCli(['lint', '--rules', '--json'])
    assert.ok(JSON.parse(rules.stdout).length >= 25)
    const bad = runCli(['lint', example('crvs-support-plan.yaml'), '--at', '1 June'])
    assert.equal(bad.code, 2)
    assert.equal(bad.stderr.trim(), 'upheld: --at: "1 June" is not a date written YYYY-MM-DD')
  })
})
