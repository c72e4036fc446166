// `upheld`: each subcommand is a thin call into the library.
import { Command, CommanderError } from 'commander'
import { AppError } from '../domain/app-error.ts'
import { formatIssue } from '../domain/issues.ts'
import { VERSION } from '../version.ts'
import { registerAvailability } from './availability.ts'
import { registerDiff } from './diff.ts'
import { EXIT, exitCodeOf } from './exit-codes.ts'
import { registerHours } from './hours.ts'
import { registerImport } from './import.ts'
import { registerInit } from './init.ts'
import { registerLifecycle } from './lifecycle.ts'
import { registerLint } from './lint.ts'
import { registerNotifications } from './notifications.ts'
import { registerRender } from './render.ts'
import { registerReport } from './report.ts'
import { registerServe } from './serve.ts'
import { registerSimulate } from './simulate.ts'
import { registerStatus } from './status.ts'
import { registerTemplates } from './templates.ts'
import { registerTickets } from './tickets.ts'
import { registerToken } from './token.ts'
import { registerUptime } from './uptime.ts'
import { registerUser } from './user.ts'
import { registerValidate } from './validate.ts'

export function buildProgram(
  now: () => number = Date.now,
  setExit: (code: number) => void = () => {},
): Command {
  const program = new Command('upheld')
    .description('Upheld: service level agreements as data, measured.')
    .version(VERSION, '-v, --version')
    // Each command's options follow it: `report --agreement` and `report recompute --agreement`
    // are told apart by where they stand.
    .enablePositionalOptions()
    .configureOutput({ outputError: (text, write) => write(`upheld: ${text.replace(/^error: /, '')}`) })
    .exitOverride()
  registerServe(program)
  registerHours(program, now)
  registerRender(program, setExit)
  registerTemplates(program)
  registerInit(program)
  registerValidate(program, setExit)
  registerLint(program, now, setExit)
  registerDiff(program, now)
  registerSimulate(program, now)
  registerUptime(program, now)
  registerReport(program, now)
  registerAvailability(program, now)
  registerImport(program)
  registerToken(program)
  registerUser(program)
  registerLifecycle(program, now, setExit)
  registerTickets(program, now)
  registerStatus(program, now)
  registerNotifications(program, now)
  for (const command of program.commands) applyToTree(command)
  return program
}

function applyToTree(command: Command): void {
  command
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`upheld: ${text.replace(/^error: /, '')}`) })
  for (const sub of command.commands) applyToTree(sub)
}

export async function run(argv: string[]): Promise<number> {
  try {
    let code: number = EXIT.ok
    await buildProgram(Date.now, (c) => {
      code = c
    }).parseAsync(argv, { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    reportError(error)
    return exitCodeOf(error)
  }
}

function reportError(error: unknown): void {
  if (error instanceof AppError) {
    const lines = error.issues.length > 0 ? error.issues.map(formatIssue) : [error.message]
    for (const line of lines) process.stderr.write(`upheld: ${line}\n`)
    return
  }
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`upheld: internal error: ${message}\n`)
  if (process.env.UPHELD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`)
  else process.stderr.write('upheld: set UPHELD_DEBUG=1 to see where it happened\n')
}
