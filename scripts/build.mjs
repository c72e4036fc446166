// Compiles src/ to dist/ (the package entry and the CLI).
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let tsc
try {
  tsc = new URL('bin/tsc', new URL('.', `file://${require.resolve('typescript/package.json')}`)).pathname
} catch {
  console.error('build: TypeScript is not installed; run `npm ci` first')
  process.exit(1)
}
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true })
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
process.exit(result.status ?? 1)
