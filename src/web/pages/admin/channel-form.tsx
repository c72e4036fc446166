// Adding or changing a notification channel: an SMTP server, a signed webhook or a Slack
// incoming webhook. Secrets go in and never come back: when changing a channel, a secret field
// left empty keeps the one stored.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { post } from '../../api.ts'
import { type Channel, KEYS } from './admin-data.ts'
import { Field, FormError, issuesByField } from './fields.tsx'

type Kind = Channel['kind']
const FIELDS = ['kind', 'name', 'host', 'port', 'secure', 'user', 'password', 'from', 'to', 'url', 'secret']
const KIND_NAMES: Record<Kind, string> = { email: 'Email (SMTP)', webhook: 'Webhook', slack: 'Slack' }

export function ChannelForm({
  channel,
  onDone,
  onCancel,
}: {
  /** The channel to change; none to add one. */
  channel?: Channel
  onDone: (saved: Channel) => void
  onCancel: () => void
}) {
  const client = useQueryClient()
  const [kind, setKind] = useState<Kind>(channel?.kind ?? 'webhook')
  const [secret, setSecret] = useState('')
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      post<Channel>(
        channel
          ? `/api/notification-channels/${encodeURIComponent(channel.id)}`
          : '/api/notification-channels',
        body,
      ),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: KEYS.channels })
      onDone(saved)
    },
  })
  const errors = issuesByField(save.error, FIELDS)
  const config = channel?.config ?? {}
  const text = (key: string) => (typeof config[key] === 'string' ? (config[key] as string) : '')
  const keep = channel?.secret === 'set' ? 'Leave empty to keep the one stored.' : undefined
  const title = channel ? `Change “${channel.name}”` : 'Add a channel'

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const value = (key: string) => String(form.get(key) ?? '').trim()
    const optional = (key: string) => (value(key) === '' ? {} : { [key]: value(key) })
    const base = { kind, name: value('name') }
    if (kind === 'email')
      save.mutate({
        ...base,
        host: value('host'),
        port: Number(value('port') || 587),
        secure: form.get('secure') === 'on',
        ...optional('user'),
        ...optional('password'),
        from: value('from'),
        to: value('to')
          .split(/[\s,;]+/)
          .filter(Boolean),
      })
    else if (kind === 'webhook') save.mutate({ ...base, url: value('url'), ...optional('secret') })
    else save.mutate({ ...base, ...optional('url') })
  }

  return (
    <form className="card admin-form" onSubmit={submit} aria-labelledby="channel-form-title" noValidate>
      <h2 id="channel-form-title">{title}</h2>
      {save.isError && <FormError error={save.error} unplaced={errors.get('')} />}
      <div className="form-grid">
        <Field
          label="Kind"
          error={errors.get('kind')}
          hint={channel ? 'A channel’s kind does not change.' : undefined}
        >
          {(props) => (
            <select
              {...props}
              value={kind}
              disabled={channel !== undefined}
              onChange={(e) => setKind(e.target.value as Kind)}
            >
              {(Object.keys(KIND_NAMES) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_NAMES[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" hint="To know it by in the log; unique." error={errors.get('name')}>
          {(props) => <input {...props} name="name" defaultValue={channel?.name} required maxLength={100} />}
        </Field>
      </div>
      {kind === 'email' && (
        <div className="form-grid" key="email">
          <Field label="SMTP server" error={errors.get('host')}>
            {(props) => (
              <input {...props} name="host" defaultValue={text('host')} required spellCheck={false} />
            )}
          </Field>
          <Field
            label="Port"
            hint="587 with STARTTLS, 465 with TLS from the start."
            error={errors.get('port')}
          >
            {(props) => (
              <input
                {...props}
                name="port"
                type="number"
                min={1}
                max={65535}
                defaultValue={typeof config.port === 'number' ? config.port : 587}
              />
            )}
          </Field>
          <div className="field check-field">
            <label className="check">
              <input type="checkbox" name="secure" defaultChecked={config.secure === true} /> TLS from the
              start (port 465)
            </label>
          </div>
          <Field label="SMTP user" hint="When the server wants a login." error={errors.get('user')}>
            {(props) => <input {...props} name="user" defaultValue={text('user')} autoComplete="off" />}
          </Field>
          <Field
            label="SMTP password"
            hint={keep ?? 'Stored, never shown again.'}
            error={errors.get('password')}
          >
            {(props) => <input {...props} name="password" type="password" autoComplete="new-password" />}
          </Field>
          <Field label="From" hint="e.g. Upheld <sla@example.com>" error={errors.get('from')}>
            {(props) => <input {...props} name="from" defaultValue={text('from')} required />}
          </Field>
          <Field
            label="Also send every event to"
            hint="Addresses separated by commas, besides each agreement’s contacts."
            error={errors.get('to')}
          >
            {(props) => (
              <input
                {...props}
                name="to"
                defaultValue={Array.isArray(config.to) ? config.to.join(', ') : ''}
                spellCheck={false}
              />
            )}
          </Field>
        </div>
      )}
      {kind === 'webhook' && (
        <div className="form-grid" key="webhook">
          <Field label="URL" hint="Upheld POSTs each event here as JSON." error={errors.get('url')}>
            {(props) => (
              <input
                {...props}
                name="url"
                type="url"
                defaultValue={text('url')}
                required
                spellCheck={false}
              />
            )}
          </Field>
          <Field
            label="Signing secret"
            hint={
              <>
                At least 16 characters. The receiver checks the <code>Upheld-Signature</code> header
                (HMAC-SHA256) with it. {keep}
              </>
            }
            error={errors.get('secret')}
          >
            {(props) => (
              <div className="with-button">
                <input
                  {...props}
                  name="secret"
                  value={secret}
                  onChange={(e) => setSecret(e.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                  className="mono"
                />
                <button type="button" onClick={() => setSecret(randomSecret())}>
                  Generate
                </button>
              </div>
            )}
          </Field>
        </div>
      )}
      {kind === 'slack' && (
        <div className="form-grid" key="slack">
          <Field
            label="Incoming-webhook URL"
            hint={`Its path is its key, so it is stored as a secret and only its host is shown. ${keep ?? ''}`}
            error={errors.get('url')}
          >
            {(props) => <input {...props} name="url" type="url" required={!channel} spellCheck={false} />}
          </Field>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : channel ? 'Save changes' : 'Add channel'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return `whsec_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
