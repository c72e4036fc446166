// `upheld notifications` (the delivery log) and `upheld channel add|list|disable` (where
// notifications go). Secrets are read from --secret or standard input, stored, and never printed.
import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { type Deps, SYSTEM_ACTOR } from '../actions/deps.ts'
import type { NotificationWithAttempts } from '../actions/list-notifications.ts'
import type { ChannelView } from '../actions/manage-notification-channels.ts'
import { readConfig } from '../config.ts'
import { AppError } from '../domain/app-error.ts'
import type { ChannelInput } from '../domain/notifications/channel-input.ts'
import { print } from './output.ts'

const STATES = ['pending', 'delivered', 'failed'] as const

export function registerNotifications(program: Command, now: () => number): void {
  program
    .command('notifications')
    .description('the delivery log: notifications, newest first, with their attempts')
    .option('--state <state>', 'pending, delivered or failed')
    .option('--customer <id>', 'one customer only')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (opts: { state?: string; customer?: string; limit: string; json?: boolean }) => {
      const state = opts.state as (typeof STATES)[number] | undefined
      if (state !== undefined && !STATES.includes(state))
        throw new AppError('invalid_input', `--state: give one of ${STATES.join(', ')}`)
      await withDatabase(now, async (deps) => {
        const { listNotifications } = await import('../actions/list-notifications.ts')
        const { items } = await listNotifications(deps, SYSTEM_ACTOR, {
          state,
          customer: opts.customer,
          limit: Number(opts.limit) || 100,
        })
        print(opts.json, items, notificationLines(items))
      })
    })
  registerChannel(program, now)
}

function registerChannel(program: Command, now: () => number): void {
  const channel = program.command('channel').description('notification channels: email, webhook, Slack')
  registerChannelAdd(channel.command('add').description('add a channel'), now)
  channel
    .command('list')
    .description('the channels, without their secrets')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) =>
      withDatabase(now, async (deps) => {
        const { listChannels } = await import('../actions/manage-notification-channels.ts')
        const channels = await listChannels(deps, SYSTEM_ACTOR)
        print(
          o.json,
          channels.map(shown),
          channels.length === 0 ? ['No channels.'] : channels.map(channelLine),
        )
      }),
    )
  channel
    .command('disable')
    .description('stop sending through a channel')
    .argument('<id>', 'channel id')
    .action(async (id: string) =>
      withDatabase(now, async (deps) => {
        const { disableChannel } = await import('../actions/manage-notification-channels.ts')
        await disableChannel(deps, SYSTEM_ACTOR, id)
        print(false, null, [`Channel ${id} disabled.`])
      }),
    )
}

function registerChannelAdd(add: Command, now: () => number): void {
  const create = async (input: ChannelInput, json?: boolean) =>
    withDatabase(now, async (deps) => {
      const { createChannel } = await import('../actions/manage-notification-channels.ts')
      const created = await createChannel(deps, SYSTEM_ACTOR, input)
      print(json, shown(created), [`Channel ${created.id} (${created.kind}) "${created.name}" added.`])
    })
  add
    .command('email')
    .description('an SMTP server; the password comes from --password-stdin')
    .requiredOption('--name <name>', 'a name for the channel')
    .requiredOption('--host <host>', 'the SMTP server')
    .option('--port <port>', 'its port', '587')
    .option('--secure', 'TLS from the start (port 465)')
    .option('--user <user>', 'the SMTP user')
    .option('--password-stdin', 'read the SMTP password from standard input')
    .requiredOption('--from <address>', 'the From address')
    .option('--to <address...>', 'addresses told of every event')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const password = o.passwordStdin ? readStdin() : undefined
      await create(
        {
          kind: 'email',
          name: o.name,
          host: o.host,
          port: Number(o.port),
          secure: o.secure === true,
          user: o.user,
          password,
          from: o.from,
          to: o.to ?? [],
        },
        o.json,
      )
    })
  add
    .command('webhook')
    .description('a JSON webhook signed with HMAC-SHA256; the key comes from --secret-stdin')
    .requiredOption('--name <name>', 'a name for the channel')
    .requiredOption('--url <url>', 'where to POST')
    .option('--secret-stdin', 'read the signing key from standard input (at least 16 characters)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await create(
        { kind: 'webhook', name: o.name, url: o.url, secret: o.secretStdin ? readStdin() : '' },
        o.json,
      )
    })
  add
    .command('slack')
    .description('a Slack-compatible incoming webhook; the URL comes from --url-stdin, as it is a secret')
    .requiredOption('--name <name>', 'a name for the channel')
    .option('--url-stdin', 'read the incoming-webhook URL from standard input')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await create({ kind: 'slack', name: o.name, url: o.urlStdin ? readStdin() : '' }, o.json)
    })
}

function readStdin(): string {
  return readFileSync(0, 'utf8').trim()
}

function shown(c: ChannelView) {
  const { secret_set, ...rest } = c
  return { ...rest, ...(secret_set ? { secret: 'set' } : {}) }
}

function channelLine(c: ChannelView): string {
  const where = c.kind === 'email' ? `${c.config.host}:${c.config.port}` : String(c.config.url)
  const flags = [c.secret_set ? 'secret set' : 'no secret', c.disabled_at ? 'DISABLED' : ''].filter(Boolean)
  return `${c.id}  ${c.kind.padEnd(8)} ${c.name.padEnd(16)} ${where}  (${flags.join(', ')})`
}

function notificationLines(items: NotificationWithAttempts[]): string[] {
  if (items.length === 0) return ['No notifications match.']
  return items.map((n) => {
    const when = n.state === 'delivered' ? `delivered ${n.delivered_at?.toISOString()}` : n.state
    const error = n.last_error ? `  last error: ${n.last_error}` : ''
    return `${n.created_at.toISOString()} ${n.customer_id.padEnd(12)} ${n.event_type.padEnd(16)} ${n.recipient}  ${when}, ${n.attempts} attempt(s)${error}\n    ${n.subject}`
  })
}

async function withDatabase(now: () => number, fn: (deps: Deps) => Promise<void>): Promise<void> {
  const { openDatabase } = await import('../database.ts')
  const database = await openDatabase(readConfig())
  try {
    await fn({ db: database.db, now })
  } finally {
    await database.close()
  }
}
