// Process entry of the CLI: runs it and sets the exit code (a running server keeps the process).
import { run } from './main.ts'

const code = await run(process.argv.slice(2))
if (code !== 0) process.exit(code)
