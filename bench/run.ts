// Runs the benchmarks: every bench/*.ts module but this one, each exporting `run()`, one after
// another. Arguments select the modules whose names contain any of them:
//   npm run bench                 all of them
//   npm run bench -- calendar     bench/calendar.ts only
import { readdirSync } from 'node:fs'

type BenchModule = { run(): Promise<void> }

const here = new URL('.', import.meta.url)
const available = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort()
const filters = process.argv.slice(2)
const selected =
  filters.length === 0 ? available : available.filter((name) => filters.some((f) => name.includes(f)))

if (selected.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}; the benchmarks are: ${available.join(', ')}`)
  process.exit(1)
}

let failed = 0
for (const name of selected) {
  console.log(`\n=== ${name} ===\n`)
  const started = performance.now()
  try {
    const module: Partial<BenchModule> = await import(new URL(`${name}.ts`, here).href)
    if (typeof module.run !== 'function')
      throw new Error(`bench/${name}.ts must export \`async function run()\``)
    await module.run()
    console.log(`\n${name} took ${((performance.now() - started) / 1000).toFixed(1)} s`)
  } catch (error) {
    failed++
    console.error(`\n${name} failed:`, error)
  }
}
process.exitCode = failed > 0 ? 1 : 0
