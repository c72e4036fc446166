// `upheld user password EMAIL`: sets a user's password (and ends their sessions). Run where the
// database is: local access to the database is an administrator's.
import type { Command } from 'commander'
import { SYSTEM_ACTOR } from '../actions/deps.ts'
import { readConfig } from '../config.ts'
import { print } from './output.ts'
import { readNewPassword } from './read-password.ts'

export function registerUser(program: Command): void {
  const user = program.command('user').description('users of the web app')
  user
    .command('password')
    .description("set a user's password: asked for twice at a terminal, or read from standard input")
    .argument('<email>', "the user's email")
    .option('--password-stdin', 'read the password from standard input (one trailing newline is dropped)')
    .option('--json', 'print JSON')
    .action(async (email: string, opts: { passwordStdin?: boolean; json?: boolean }) => {
      const password = await readNewPassword(email, { fromStdin: opts.passwordStdin === true })
      const { openDatabase } = await import('../database.ts')
      const { setPasswordForEmail } = await import('../actions/set-password.ts')
      const database = await openDatabase(readConfig())
      try {
        const done = await setPasswordForEmail({ db: database.db, now: Date.now }, SYSTEM_ACTOR, {
          email,
          password,
        })
        print(opts.json, { user: done.user.id, email: done.user.email, sessions_ended: done.sessionsEnded }, [
          `Password set for ${done.user.email}; ${done.sessionsEnded} session${done.sessionsEnded === 1 ? '' : 's'} ended.`,
        ])
      } finally {
        await database.close()
      }
    })
}
