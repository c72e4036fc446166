// Runs every *.test.ts under src/ (or the files and folders given) with Node's test runner.
// Node 20's runner does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

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
// UPHELD_TEST_CLI=0 leaves out the tests that start `upheld` processes (CI runs them once, in UTC
// on the embedded database; the code they drive is tested in every zone by the other tests).
const startsProcesses = (f) => /\bCLI_ARGS\b|\brunCli\(/.test(readFileSync(f, 'utf8'))
if (process.env.UPHELD_TEST_CLI === '0') {
  const cli = files.filter(startsProcesses)
  files = files.filter((f) => !cli.includes(f))
  console.log(`UPHELD_TEST_CLI=0: leaving out ${cli.length} test files that start upheld processes`)
}

// Tests that start `upheld` processes start it compiled: tsc (a few seconds) writes this run's
// sources as JavaScript beside them (in .test-build-*/, where dist/ would be, so that packages
// and package.json resolve as they do for dist/), and each process
// then starts in half the time it takes through tsx. If the sources do not compile, through tsx.
const root = fileURLToPath(new URL('..', import.meta.url))
let build
if (!process.env.UPHELD_TEST_CLI_ENTRY && files.some(startsProcesses)) build = compileForProcesses()

function compileForProcesses() {
  const out = mkdtempSync(join(root, '.test-build-'))
  const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin', 'tsc')
  const compiled = spawnSync(
    process.execPath,
    [
      tsc,
      '-p',
      join(root, 'tsconfig.build.json'),
      '--outDir',
      out,
      '--declaration',
      'false',
      '--sourceMap',
      'false',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  if (compiled.status !== 0) {
    console.log('the sources do not compile; tests start upheld through tsx')
    rmSync(out, { recursive: true, force: true })
    return undefined
  }
  cpSync(join(root, 'src', 'storage', 'migrations'), join(out, 'storage', 'migrations'), { recursive: true })
  return out
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
    env: {
      ...env,
      UPHELD_DATA_DIR: dataDir,
      ...(build ? { UPHELD_TEST_CLI_ENTRY: join(build, 'cli', 'run.js') } : {}),
    },
  },
)
rmSync(dataDir, { recursive: true, force: true })
if (build) rmSync(build, { recursive: true, force: true })
process.exit(result.status ?? 1)
