import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ENTRY = fileURLToPath(new URL('../run.ts', import.meta.url))

export type CliResult = { code: number; stdout: string; stderr: string }

/** Runs `upheld ARGS` in a child process, as a person would. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}
