// Notification channels (admin work). The secret of each is stored for the senders and never
// returned: what the API and CLI show is the channel with `secret: "set"` or without it.
import { randomUUID } from 'node:crypto'
import { fromZodIssues } from '../domain/agreement/zod-issues.ts'
import { AppError } from '../domain/app-error.ts'
import {
  type ChannelInput,
  ChannelInputSchema,
  type ChannelUpdate,
  ChannelUpdateSchema,
} from '../domain/notifications/channel-input.ts'
import {
  type ChannelKind,
  type ChannelRow,
  disableChannel as disableChannelRow,
  findChannelWithSecret,
  insertChannel,
  listChannels as listChannelRows,
  updateChannel as updateChannelRow,
} from '../storage/notification-channels.ts'
import { requireRole } from './access.ts'
import type { Actor, Deps } from './deps.ts'
import { redactUrl } from './send-notification.ts'

/** A channel as it may be shown: its settings, and whether a secret is set, never the secret. */
export type ChannelView = ChannelRow

export async function createChannel(deps: Deps, actor: Actor, input: ChannelInput): Promise<ChannelView> {
  requireRole(actor, 'admin')
  const parsed = ChannelInputSchema.safeParse(input)
  if (!parsed.success)
    throw new AppError(
      'invalid_input',
      'invalid channel',
      fromZodIssues(ChannelInputSchema, parsed.error.issues),
    )
  const c = parsed.data
  const { config, secret } = splitSecret(c)
  const id = `ch_${randomUUID()}`
  if (!(await insertChannel(deps.db, { id, kind: c.kind, name: c.name, config, secret })))
    throw new AppError('conflict', `a channel named "${c.name}" exists already`)
  return {
    id,
    kind: c.kind,
    name: c.name,
    config,
    created_at: new Date(deps.now()),
    disabled_at: null,
    secret_set: secret !== null,
  }
}

function splitSecret(c: ReturnType<typeof ChannelInputSchema.parse>): {
  config: Record<string, unknown>
  secret: string | null
} {
  if (c.kind === 'email') {
    const { kind: _k, name: _n, password, ...config } = c
    return { config, secret: password ?? null }
  }
  if (c.kind === 'webhook') return { config: { url: c.url }, secret: c.secret }
  // A Slack URL is its own key: only its host is kept where it can be shown.
  return { config: { url: redactUrl(c.url) }, secret: c.url }
}

/** A new name or settings for an enabled channel; a secret left out stays as stored. */
export async function updateChannel(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ChannelUpdate,
): Promise<ChannelView> {
  requireRole(actor, 'admin')
  const parsed = ChannelUpdateSchema.safeParse(input)
  if (!parsed.success)
    throw new AppError(
      'invalid_input',
      'invalid channel',
      fromZodIssues(ChannelUpdateSchema, parsed.error.issues),
    )
  const c = parsed.data
  const stored = await findChannelWithSecret(deps.db, id)
  if (!stored || stored.disabled_at) throw new AppError('not_found', `no enabled channel "${id}"`)
  if (stored.kind !== c.kind)
    throw new AppError('invalid_input', `channel "${stored.name}" is a ${stored.kind} channel`, [
      {
        path: ['kind'],
        message: `is ${c.kind}, the channel is ${stored.kind}`,
        hint: 'a kind does not change: add a new channel and disable this one',
      },
    ])
  const { config, secret } = changedSettings(c, stored.config)
  const outcome = await updateChannelRow(deps.db, { id, name: c.name, config, secret })
  if (outcome === 'missing') throw new AppError('not_found', `no enabled channel "${id}"`)
  if (outcome === 'name_taken') throw new AppError('conflict', `a channel named "${c.name}" exists already`)
  const { secret: storedSecret, ...row } = stored
  const secretSet = secret === undefined ? storedSecret !== null : secret !== null
  return { ...row, name: c.name, config, secret_set: secretSet }
}

// undefined: keep the stored secret.
function changedSettings(
  c: ReturnType<typeof ChannelUpdateSchema.parse>,
  storedConfig: Record<string, unknown>,
): { config: Record<string, unknown>; secret: string | null | undefined } {
  if (c.kind === 'slack' && c.url === undefined) return { config: storedConfig, secret: undefined }
  if (c.kind === 'webhook' && c.secret === undefined) return { config: { url: c.url }, secret: undefined }
  const { config, secret } = splitSecret(c as ReturnType<typeof ChannelInputSchema.parse>)
  return { config, secret: c.kind === 'email' && secret === null ? undefined : secret }
}

export async function listChannels(deps: Deps, actor: Actor): Promise<ChannelView[]> {
  requireRole(actor, 'admin')
  return listChannelRows(deps.db)
}

/** Disabled channels stay, for the delivery log; pending notifications through them fail. */
export async function disableChannel(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin')
  if (!(await disableChannelRow(deps.db, id, new Date(deps.now()))))
    throw new AppError('not_found', `no enabled channel "${id}"`)
}

export type { ChannelKind }
