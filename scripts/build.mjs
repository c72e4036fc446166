// Compiles src/ to dist/ (the package entry and the CLI), copies the SQL migrations, writes the agreement JSON
// Schema that editors use (dist/agreement.schema.json, exported as upheld/agreement.schema.json), and builds the
// web app into dist/web.
import { spawnSync } from 'node:child_process'
import { cpSync, rmSync, writeFileSync } from 'node:fs'
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
if (result.status !== 0) process.exit(result.status ?? 1)

// SQL migrations are read at run time from beside the compiled storage module.
cpSync(
  new URL('../src/storage/migrations/', import.meta.url),
  new URL('../dist/storage/migrations/', import.meta.url),
  {
    recursive: true,
  },
)

const { agreementJsonSchema } = await import('../dist/domain/agreement/json-schema.js')
writeFileSync(
  new URL('../dist/agreement.schema.json', import.meta.url),
  `${JSON.stringify(agreementJsonSchema(), null, 2)}\n`,
)

// The web app (Vite and React) → dist/web, which `upheld serve` serves at `/`.
const { build } = await import('vite')
await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' })
