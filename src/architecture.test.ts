// The dependency rule of docs/ARCHITECTURE.md, read from the import lines of src/.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'

const SRC = dirname(fileURLToPath(import.meta.url))

// Which top-level parts of src/ each part may import. Files at the root of src/ (main.ts,
// config.ts, index.ts, version.ts) are the composition root and may import anything.
const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  storage: ['storage', 'domain'],
  render: ['render', 'domain'],
  actions: ['actions', 'domain', 'storage', 'render', '(root)'],
  api: ['api', 'actions', 'domain', 'render', '(root)'],
  jobs: ['jobs', 'actions', 'domain', 'storage', '(root)'],
  cli: ['cli', 'actions', 'domain', 'render', '(root)'],
  web: ['web', 'domain', 'api/schemas'],
}

// Packages the pure domain may use: data and parsing libraries that run in a browser.
const DOMAIN_PACKAGES = ['date-holidays', 'ical.js', 'yaml', 'zod', 'canonicalize', '@noble/hashes', 'diff']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    // Test helpers are test code: they may read files and start servers.
    if (statSync(path).isDirectory()) return name === 'test-support' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => (m[1] ?? m[2])!)
}

function partOf(file: string): string {
  const rel = relative(SRC, file).split(/[\\/]/)
  if (rel.length === 1) return '(root)'
  if (rel[0] === 'api' && rel[1]?.startsWith('schemas')) return 'api/schemas'
  return rel[0]!
}

const files = sourceFiles(SRC)

describe('dependency rule', () => {
  test('there are source files to check', () => {
    assert.ok(files.some((f) => partOf(f) === 'domain'))
  })

  for (const file of files) {
    const part = partOf(file)
    const allowed = ALLOWED[part === 'api/schemas' ? 'api' : part]
    if (!allowed) continue
    test(`${relative(SRC, file)} imports only what ${part} may`, () => {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = partOf(resolve(dirname(file), spec))
          const ok = allowed.includes(target) || (target === 'api/schemas' && allowed.includes('api'))
          assert.ok(
            ok,
            `${relative(SRC, file)} imports ${spec} (${target}), but ${part} may import only ${allowed.join(', ')}`,
          )
        } else if (part === 'domain') {
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
          assert.ok(
            DOMAIN_PACKAGES.includes(name),
            `the domain must stay pure, but ${relative(SRC, file)} imports ${spec}`,
          )
        }
      }
    })
  }

  test('the domain reads no clock and no environment', () => {
    for (const file of files.filter((f) => partOf(f) === 'domain')) {
      const text = readFileSync(file, 'utf8')
      for (const forbidden of [/Date\.now\(\)/, /new Date\(\)/, /process\./, /\bfetch\(/]) {
        assert.ok(!forbidden.test(text), `${relative(SRC, file)} uses ${forbidden.source}`)
      }
    }
  })
})
