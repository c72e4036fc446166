#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` builds it (the package's prepare script).
import { existsSync } from 'node:fs'

const entry = new URL('../dist/cli/run.js', import.meta.url)
if (!existsSync(entry)) {
  process.stderr.write('upheld: not built yet; run `npm run build` (npm ci does it for you)\n')
  process.exit(70)
}
await import(entry.href)
