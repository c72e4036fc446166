// `upheld token create --user EMAIL`: an API token, printed once. Run where the database is:
// local access to the database is an administrator's.
import type { Command } from 'commander'
import { SYSTEM_ACTOR } from '../actions/deps.ts'
import { readConfig } from '../config.ts'
import { print } from './output.ts'

export function registerToken(program: Command): void {
  const token = program.command('token').description('API tokens')
  token
    .command('create')
    .description('create an API token for a user; it is shown once and stored only as a hash')
    .requiredOption('--user <email>', "the user's email")
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--json', 'print JSON')
    .action(async (opts: { user: string; name: string; json?: boolean }) => {
      const { openDatabase } = await import('../database.ts')
      const { createTokenForEmail } = await import('../actions/manage-people.ts')
      const database = await openDatabase(readConfig())
      try {
        const created = await createTokenForEmail({ db: database.db, now: Date.now }, SYSTEM_ACTOR, {
          email: opts.user,
          name: opts.name,
        })
        print(
          opts.json,
          { id: created.id, token: created.token, user: created.user.email, role: created.user.role },
          [
            created.token,
            `Token ${created.id} for ${created.user.email} (${created.user.role}). Keep it: it is not shown again.`,
          ],
        )
      } finally {
        await database.close()
      }
    })
}
