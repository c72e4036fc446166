// `upheld diff FILE_A FILE_B` (two agreement files) or `upheld diff AGREEMENT --from 1 --to 2`
// (two stored versions): what changed, field by field, list items matched by id, prose by word.
import type { Command } from 'commander'
import { SYSTEM_ACTOR } from '../actions/deps.ts'
import { AppError } from '../domain/app-error.ts'
import { countChanges, describeChange } from '../domain/diff/describe-change.ts'
import { type Change, diffDocuments } from '../domain/diff/diff-documents.ts'
import { formatIssue } from '../domain/issues.ts'
import { print } from './output.ts'
import { readAgreementFile } from './read-agreement-file.ts'
import { withDatabase } from './tickets.ts'

type Options = { from?: string; to?: string; json?: boolean }

export function registerDiff(program: Command, now: () => number): void {
  defineDiff(program.command('diff'), now)
}

/** The diff command, on whichever parent it hangs from (`upheld diff`, `upheld agreement diff`). */
export function defineDiff(command: Command, now: () => number): void {
  command
    .description('what changed between two agreement files, or two stored versions of an agreement')
    .argument('<first>', 'the older agreement file, or the id of a stored agreement')
    .argument('[second]', 'the newer agreement file')
    .option('--from <version>', 'the older stored version (default: the one before --to)')
    .option('--to <version>', 'the newer stored version (default: the newest)')
    .option('--json', 'print JSON: { from, to, changes: [{ path, kind, before, after, words? }] }')
    .action(async (first: string, second: string | undefined, opts: Options) => {
      if (second !== undefined) {
        if (opts.from !== undefined || opts.to !== undefined)
          throw new AppError(
            'invalid_input',
            '--from and --to are for stored versions: give one agreement id',
          )
        const changes = diffDocuments(readValid(first), readValid(second))
        printChanges(opts.json, { from: first, to: second, changes }, `${first} → ${second}`)
        return
      }
      const range = { from: versionOption(opts.from, '--from'), to: versionOption(opts.to, '--to') }
      await withDatabase(now, async (deps) => {
        const { diffAgreementVersions } = await import('../actions/diff-agreement-versions.ts')
        const diff = await diffAgreementVersions(deps, SYSTEM_ACTOR, first, range)
        const heading = `${first}: version ${diff.from.version} → ${diff.to.version}`
        printChanges(opts.json, diff, heading)
      })
    })
}

function printChanges<T extends { changes: Change[] }>(
  json: boolean | undefined,
  result: T,
  heading: string,
): void {
  const lines = [heading, ...result.changes.map((c) => describeChange(c)), countChanges(result.changes)]
  print(json, result, lines)
}

function readValid(file: string): unknown {
  const result = readAgreementFile(file)
  if (!result.ok)
    throw new AppError(
      'invalid_input',
      `${file} is not a valid agreement; run upheld validate`,
      result.issues,
    )
  for (const warning of result.warnings) process.stderr.write(`upheld: warning: ${formatIssue(warning)}\n`)
  return result.agreement
}

function versionOption(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined
  const version = Number(text)
  if (!Number.isInteger(version) || version < 1)
    throw new AppError('invalid_input', `${option}: "${text}" is not a version number (1, 2, …)`)
  return version
}
