import type { Db } from './db.ts'

export type ChannelKind = 'email' | 'webhook' | 'slack'
export type ChannelRow = {
  id: string
  kind: ChannelKind
  name: string
  config: Record<string, unknown>
  created_at: Date
  disabled_at: Date | null
  /** Whether a secret is stored; the secret itself is read only by findChannelWithSecret. */
  secret_set: boolean
}
/** A channel with its secret: for the senders only, never for presenting. */
export type ChannelWithSecret = ChannelRow & { secret: string | null }

const COLUMNS = 'id, kind, name, config, created_at, disabled_at, secret is not null as secret_set'

/** False when a channel of that name exists already. */
export async function insertChannel(
  db: Db,
  channel: {
    id: string
    kind: ChannelKind
    name: string
    config: Record<string, unknown>
    secret: string | null
  },
): Promise<boolean> {
  const n = await db.execute(
    `insert into notification_channels (id, kind, name, config, secret) values ($1, $2, $3, $4, $5)
     on conflict (name) do nothing`,
    [channel.id, channel.kind, channel.name, JSON.stringify(channel.config), channel.secret],
  )
  return n === 1
}

/**
 * Changes an enabled channel's name and settings, and its secret unless `secret` is undefined.
 * `missing`: no enabled channel of that id; `name_taken`: another channel has the name.
 */
export async function updateChannel(
  db: Db,
  change: { id: string; name: string; config: Record<string, unknown>; secret?: string | null },
): Promise<'updated' | 'missing' | 'name_taken'> {
  return db.transaction(async (tx) => {
    const [clash] = await tx.query<{ id: string }>(
      'select id from notification_channels where name = $1 and id <> $2',
      [change.name, change.id],
    )
    if (clash) return 'name_taken'
    const n = await tx.execute(
      `update notification_channels
          set name = $2, config = $3, secret = case when $4::boolean then $5 else secret end
        where id = $1 and disabled_at is null`,
      [
        change.id,
        change.name,
        JSON.stringify(change.config),
        change.secret !== undefined,
        change.secret ?? null,
      ],
    )
    return n === 1 ? 'updated' : 'missing'
  })
}

export async function listChannels(db: Db): Promise<ChannelRow[]> {
  return db.query<ChannelRow>(`select ${COLUMNS} from notification_channels order by created_at, id`)
}

/** The channels in use (not disabled), for fanning a notification out. */
export async function listEnabledChannels(db: Db): Promise<ChannelRow[]> {
  return db.query<ChannelRow>(
    `select ${COLUMNS} from notification_channels where disabled_at is null order by created_at, id`,
  )
}

export async function findChannelWithSecret(db: Db, id: string): Promise<ChannelWithSecret | undefined> {
  return (
    await db.query<ChannelWithSecret>(`select ${COLUMNS}, secret from notification_channels where id = $1`, [
      id,
    ])
  )[0]
}

export async function disableChannel(db: Db, id: string, at: Date): Promise<boolean> {
  return (
    (await db.execute(
      'update notification_channels set disabled_at = $2 where id = $1 and disabled_at is null',
      [id, at],
    )) === 1
  )
}
