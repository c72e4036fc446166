import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ENTRY = fileURLToPath(new URL('../run.ts', import.meta.url))

/**
 * How a test starts `upheld`: the compiled CLI that `npm test` builds from the sources of this
 * run (UPHELD_TEST_CLI_ENTRY; it starts in half the time), or else the sources through tsx.
 */
export const CLI_ARGS: readonly string[] = process.env.UPHELD_TEST_CLI_ENTRY
  ? [process.env.UPHELD_TEST_CLI_ENTRY]
  : ['--import', 'tsx', ENTRY]

export type CliResult = { code: number; stdout: string; stderr: string }

/** Runs `upheld ARGS` in a child process, as a person would. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [...CLI_ARGS, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}
