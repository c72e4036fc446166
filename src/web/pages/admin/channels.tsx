// Notification channels: where warnings, breaches, reports and agreements go out (SMTP, signed
// webhooks, Slack). Each can be tested now; secrets are never shown back.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { del, post } from '../../api.ts'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { type Channel, KEYS, useChannels } from './admin-data.ts'
import { AdminPage } from './admin-frame.tsx'
import { ChannelForm } from './channel-form.tsx'
import { ConfirmButton, FormError } from './fields.tsx'

type Editing = { mode: 'add' } | { mode: 'change'; channel: Channel } | null

export function ChannelsPage() {
  const channels = useChannels()
  const [editing, setEditing] = useState<Editing>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const enabled = channels.data?.filter((c) => !c.disabled_at) ?? []
  const disabled = channels.data?.filter((c) => c.disabled_at) ?? []
  return (
    <AdminPage
      title="Notification channels"
      actions={
        editing === null && (
          <button type="button" className="primary" onClick={() => setEditing({ mode: 'add' })}>
            Add a channel
          </button>
        )
      }
    >
      <p className="lead">
        Warnings before a breach, breaches, escalations, monthly reports and signed agreements go out through
        every enabled channel. What was sent, and what failed, is in the{' '}
        <Link to="/admin/notifications">notification log</Link>.
      </p>
      {saved && (
        <p className="alert success" role="status">
          {saved}
        </p>
      )}
      {editing && (
        <ChannelForm
          key={editing.mode === 'change' ? editing.channel.id : 'new'}
          channel={editing.mode === 'change' ? editing.channel : undefined}
          onDone={(c) => {
            setSaved(
              `Channel “${c.name}” ${editing.mode === 'add' ? 'added' : 'saved'}. Send a test to check it.`,
            )
            setEditing(null)
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {channels.isPending ? (
        <Loading what="channels" />
      ) : channels.isError ? (
        <ErrorView error={channels.error} retry={() => channels.refetch()} />
      ) : channels.data.length === 0 ? (
        <Empty title="No channels yet: nothing is sent">
          <p>
            Add an SMTP server to email the agreement’s contacts, or a webhook to tell another system. Until
            then warnings and reports are kept in the log but go nowhere.
          </p>
        </Empty>
      ) : (
        <>
          <ul className="channel-list" aria-label="Enabled channels">
            {enabled.map((c) => (
              <ChannelCard
                key={c.id}
                channel={c}
                onChange={() => setEditing({ mode: 'change', channel: c })}
              />
            ))}
          </ul>
          {enabled.length === 0 && (
            <p className="alert warning">Every channel is disabled: nothing is sent.</p>
          )}
          {disabled.length > 0 && (
            <details className="disabled-channels">
              <summary>
                {disabled.length} disabled channel{disabled.length === 1 ? '' : 's'}
              </summary>
              <ul className="channel-list">
                {disabled.map((c) => (
                  <ChannelCard key={c.id} channel={c} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </AdminPage>
  )
}

function settingsOf(c: Channel): [string, string][] {
  const config = c.config
  const text = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v))
  if (c.kind === 'email')
    return [
      [
        'Server',
        `${text(config.host)}:${text(config.port)}${config.secure ? ', TLS' : ', STARTTLS when offered'}`,
      ],
      ['Login', config.user ? `${text(config.user)}${c.secret === 'set' ? ', password set' : ''}` : 'none'],
      ['From', text(config.from)],
      [
        'Also to',
        Array.isArray(config.to) && config.to.length > 0 ? config.to.join(', ') : 'only the contacts',
      ],
    ]
  if (c.kind === 'webhook')
    return [
      ['URL', text(config.url)],
      ['Signing secret', c.secret === 'set' ? 'set (never shown)' : 'none'],
    ]
  return [['Slack', `${text(config.url)} (the rest of the URL is kept secret)`]]
}

const KIND_LABEL = { email: 'Email', webhook: 'Webhook', slack: 'Slack' } as const

function ChannelCard({ channel, onChange }: { channel: Channel; onChange?: () => void }) {
  const client = useQueryClient()
  const disable = useMutation({
    mutationFn: () => del(`/api/notification-channels/${encodeURIComponent(channel.id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS.channels }),
  })
  const headingId = `channel-${channel.id}`
  return (
    <li className="card channel" aria-labelledby={headingId}>
      <div className="channel-head">
        <h3 id={headingId}>{channel.name}</h3>
        <span className="badge neutral">{KIND_LABEL[channel.kind]}</span>
        {channel.disabled_at ? (
          <span className="badge neutral">
            Disabled <Time at={channel.disabled_at} />
          </span>
        ) : (
          <span className="badge ok">Enabled</span>
        )}
      </div>
      <dl className="settings">
        {settingsOf(channel).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="break">{v}</dd>
          </div>
        ))}
      </dl>
      {!channel.disabled_at && (
        <>
          <TestSend channel={channel} />
          <div className="form-actions">
            <button type="button" onClick={onChange} aria-label={`Change ${channel.name}`}>
              Change
            </button>
            <ConfirmButton
              label="Disable"
              confirm="Nothing more is sent through it; what is still pending through it fails. It stays in the log."
              busy={disable.isPending}
              onConfirm={() => disable.mutate()}
            />
          </div>
          {disable.isError && <FormError error={disable.error} />}
        </>
      )}
    </li>
  )
}

function TestSend({ channel }: { channel: Channel }) {
  const test = useMutation({
    mutationFn: (to?: string) =>
      post<{ delivered: boolean; detail: string }>(
        `/api/notification-channels/${encodeURIComponent(channel.id)}/test`,
        to ? { to } : {},
      ),
  })
  const needsTo = channel.kind === 'email'
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const to = String(new FormData(event.currentTarget).get('to') ?? '').trim()
    test.mutate(to || undefined)
  }
  return (
    <form className="test-send" onSubmit={submit} aria-label={`Test ${channel.name}`}>
      {needsTo && (
        <div className="field">
          <label htmlFor={`test-to-${channel.id}`}>Send the test to</label>
          <input id={`test-to-${channel.id}`} name="to" type="email" placeholder="you@example.com" />
        </div>
      )}
      <button type="submit" disabled={test.isPending}>
        {test.isPending ? 'Sending…' : 'Send a test'}
      </button>
      <div aria-live="polite" className="test-result">
        {test.data &&
          (test.data.delivered ? (
            <p className="alert success">Delivered: {test.data.detail}</p>
          ) : (
            <p className="alert error">Not delivered: {test.data.detail}</p>
          ))}
        {test.isError && <FormError error={test.error} />}
      </div>
    </form>
  )
}
