import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { exampleSettings } from '../domain/templates/fill-template.ts'
import { findTemplate } from '../domain/templates/index.ts'
import { runCli } from './test-support/run-cli.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-agreements-'))
const examples = fileURLToPath(new URL('../../../shared/examples/', import.meta.url))

describe('upheld templates and schema', () => {
  test('templates lists the four built-in templates', () => {
    const r = runCli(['templates', '--json'])
    assert.equal(r.code, 0, r.stderr)
    assert.deepEqual(
      JSON.parse(r.stdout).map((t: { id: string }) => t.id),
      ['support-plan', 'production-support-plan', 'helpdesk-sla', 'it-support-agreement'],
    )
  })

  test('schema prints a JSON Schema that knows the envelope', () => {
    const r = runCli(['schema'])
    assert.equal(r.code, 0, r.stderr)
    const schema = JSON.parse(r.stdout)
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema')
    assert.deepEqual(schema.required, ['apiVersion', 'kind', 'metadata', 'spec'])
    assert.ok(schema.properties.spec.properties.targets)
  })
})

describe('upheld init', () => {
  test('fills every placeholder from --set and writes a valid agreement', () => {
    const out = join(dir, 'full.yaml')
    const sets = Object.entries(exampleSettings(findTemplate('support-plan')!)).flatMap(([k, v]) => [
      '--set',
      `${k}=${v}`,
    ])
    const r = runCli(['init', '--template', 'support-plan', ...sets, '-o', out, '--no-input'])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /^Wrote .*full\.yaml from support-plan; it validates$/m)
    const check = runCli(['validate', out])
    assert.equal(check.code, 0, check.stdout)
    assert.equal(check.stdout.trim(), `${out}: valid`)
  })

  test('with placeholders left, says which; validate then fails listing them by line', () => {
    const out = join(dir, 'partial.yaml')
    const r = runCli([
      'init',
      '--template',
      'helpdesk-sla',
      '--set',
      'parties.provider.name=Example IT',
      '-o',
      out,
      '--no-input',
    ])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /with 27 placeholders to fill: agreement-id, provider-id, customer-id/)
    assert.match(readFileSync(out, 'utf8'), /name: "Example IT"/)
    const check = runCli(['validate', out])
    assert.equal(check.code, 1)
    assert.match(check.stdout, /partial\.yaml: invalid \(\d+ problems\)/)
    assert.match(
      check.stdout,
      /error {4}.*partial\.yaml:6:7: metadata\.id: the placeholder \{\{agreement-id\}\} is not filled in \(fill it with upheld init --set agreement-id=… or edit the file\)/,
    )
  })

  test('--interactive asks for each placeholder, checking types and re-asking', () => {
    const template = findTemplate('it-support-agreement')!
    const answers = template.placeholders.map((p) =>
      p.id === 'effective-from' ? `not-a-date\n${p.example}` : p.example,
    )
    const out = join(dir, 'asked.yaml')
    const r = runCli(['init', '--template', template.id, '--interactive', '-o', out], {
      input: `${answers.join('\n')}\n`,
    })
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /must be a date written YYYY-MM-DD/)
    assert.match(r.stderr, /it validates$/m)
    assert.equal(runCli(['validate', out]).code, 0)
  })

  test('refuses to overwrite without --force, and an unknown template', () => {
    const out = join(dir, 'exists.yaml')
    writeFileSync(out, 'keep me')
    const r = runCli(['init', '--template', 'helpdesk-sla', '-o', out, '--no-input'])
    assert.equal(r.code, 4)
    assert.match(r.stderr, /exists; pass --force to overwrite it/)
    assert.equal(readFileSync(out, 'utf8'), 'keep me')
    const unknown = runCli(['init', '--template', 'helpdesk', '--no-input'])
    assert.equal(unknown.code, 2)
    assert.equal(unknown.stderr.trim(), 'upheld: no template "helpdesk" (did you mean "helpdesk-sla"?)')
  })
})

describe('upheld validate', () => {
  test('the reference agreements are valid; warnings are shown', () => {
    const r = runCli([
      'validate',
      join(examples, 'helpdesk-sla.yaml'),
      join(examples, 'crvs-support-plan.yaml'),
    ])
    assert.equal(r.code, 0, r.stdout + r.stderr)
    assert.match(r.stdout, /helpdesk-sla\.yaml: valid$/m)
    assert.match(r.stdout, /crvs-support-plan\.yaml: valid \(2 warnings\)$/m)
    assert.match(r.stdout, /warning {2}.*crvs-support-plan\.yaml:31:81: a comma split the text/)
  })

  test('an invalid file: exit 1, every problem with file:line:column, path and hint', () => {
    const bad = join(dir, 'bad.yaml')
    const text = readFileSync(join(examples, 'helpdesk-sla.yaml'), 'utf8')
      .replace('severity: P2, metric: first_response', 'severity: P7, metric: first_respons')
      .replace('calendar: business, response: 5m', 'calender: business, response: 5m')
    writeFileSync(bad, text)
    const r = runCli(['validate', bad, '--json'])
    assert.equal(r.code, 1)
    const [report] = JSON.parse(r.stdout)
    assert.equal(report.valid, false)
    assert.deepEqual(
      report.issues.map((i: { line: number; column: number; path: unknown[]; message: string }) => [
        i.line,
        i.column,
        i.path.join('.'),
        i.message,
      ]),
      [
        [53, 7, 'spec.channels.3.calendar', 'is required'],
        [53, 91, 'spec.channels.3.calender', 'unknown key "calender"'],
        [79, 19, 'spec.targets.3.severity', '"P7" names no severity in this agreement'],
        [
          79,
          31,
          'spec.targets.3.metric',
          '"first_respons" is not one of first_response, next_response, periodic_update, resolution',
        ],
      ],
    )
  })

  test('a missing file exits 3', () => {
    const r = runCli(['validate', join(dir, 'nope.yaml')])
    assert.equal(r.code, 3)
  })
})
