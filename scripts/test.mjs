// Runs every *.test.ts under src/ (or the files and folders given) with Node's test runner.
// Node 20's runner does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
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
const files = (targets.length > 0 ? targets : ['src']).flatMap((t) => collect(t, []))
if (files.length === 0) {
  console.error('no test files found')
  process.exit(1)
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...options, ...files],
  {
    stdio: 'inherit',
  },
)
process.exit(result.status ?? 1)
