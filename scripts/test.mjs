// Runs every *.test.ts under src/ (or the files and folders given) with Node's test runner.
// Node 20's runner does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue
      collect(join(path, name), out)
    }
  } else if (/\.test\.tsx?$/.test(path)) out.push(path)
  return out
}

const args = process.argv.slice(2)
const options = args.filter((a) => a.startsWith('--'))
const targets = args.filter((a) => !a.startsWith('--'))
let files = (targets.length > 0 ? targets : ['src']).flatMap((t) => collect(t, []))
// UPHELD_TEST_BROWSER=0 leaves out the tests that drive Chromium (CI runs them in UTC on both
// databases, and the rest of the suite in every zone; the browser's zone is set by each test).
if (process.env.UPHELD_TEST_BROWSER === '0') {
  const browser = files.filter((f) => /\.browser\.test\.tsx?$/.test(f))
  files = files.filter((f) => !browser.includes(f))
  console.log(`UPHELD_TEST_BROWSER=0: leaving out ${browser.length} browser test files`)
}
if (files.length === 0) {
  console.error('no test files found')
  process.exit(1)
}
// A server a test starts keeps its data in a throw-away directory, never in ./data nor in the
// database DATABASE_URL names (tests use UPHELD_TEST_DATABASE_URL).
const dataDir = mkdtempSync(join(tmpdir(), 'upheld-test-data-'))
const { DATABASE_URL: _unused, ...env } = process.env
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    // Many tests wait on child processes and databases, so files run a few at a time.
    `--test-concurrency=${process.env.UPHELD_TEST_CONCURRENCY ?? 3}`,
    ...options,
    ...files,
  ],
  {
    stdio: 'inherit',
    env: { ...env, UPHELD_DATA_DIR: dataDir },
  },
)
rmSync(dataDir, { recursive: true, force: true })
process.exit(result.status ?? 1)
