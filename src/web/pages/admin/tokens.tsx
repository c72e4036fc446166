// API tokens: for helpdesks, monitors and scripts. A new token's secret is shown once, with a
// copy button; only its hash is kept. Revoking one stops it at once.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { del, post } from '../../api.ts'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { useUser } from '../../session.tsx'
import { KEYS, type Token, type User, useTokens, useUsers } from './admin-data.ts'
import { AdminPage } from './admin-frame.tsx'
import { ConfirmButton, Field, FormError, issuesByField } from './fields.tsx'

type Created = { id: string; user: string; name: string; token: string }

export function TokensPage() {
  const tokens = useTokens()
  const users = useUsers()
  const [created, setCreated] = useState<Created | null>(null)
  const [showRevoked, setShowRevoked] = useState(false)
  const shown = tokens.data?.filter((t) => showRevoked || !t.revoked_at) ?? []
  const revokedCount = tokens.data?.filter((t) => t.revoked_at).length ?? 0
  return (
    <AdminPage title="API tokens">
      <p className="lead">
        A token lets a helpdesk, a monitor or a script call the API as its user, with that user’s role. Send
        it as <code>Authorization: Bearer …</code>.
      </p>
      {created && <NewSecret created={created} onDismiss={() => setCreated(null)} />}
      {users.data && <NewTokenForm users={users.data} onCreated={setCreated} />}
      <h2>Tokens</h2>
      {tokens.isPending ? (
        <Loading what="tokens" />
      ) : tokens.isError ? (
        <ErrorView error={tokens.error} retry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <Empty title="No tokens yet">
          <p>Create one above for each system that sends events or reads reports.</p>
        </Empty>
      ) : (
        <>
          {revokedCount > 0 && (
            <label className="check">
              <input
                type="checkbox"
                checked={showRevoked}
                onChange={(e) => setShowRevoked(e.target.checked)}
              />{' '}
              Show the {revokedCount} revoked
            </label>
          )}
          <TokenTable tokens={shown} users={users.data ?? []} />
        </>
      )}
    </AdminPage>
  )
}

function NewSecret({ created, onDismiss }: { created: Created; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => box.current?.focus(), [])
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token)
      setCopied(true)
    } catch {
      // Without clipboard access (an insecure origin), the text stays selectable.
      setCopied(false)
    }
  }
  return (
    <div
      className="alert success secret"
      role="status"
      tabIndex={-1}
      ref={box}
      aria-labelledby="secret-title"
    >
      <p id="secret-title">
        <strong>Token “{created.name}” created.</strong> Copy its secret now: it is shown this once and cannot
        be read again.
      </p>
      <div className="secret-row">
        <code className="secret-value">{created.token}</code>
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p aria-live="polite" className="small">
        {copied ? 'The secret is on your clipboard.' : ''}
      </p>
      <button type="button" className="link-button" onClick={onDismiss}>
        I have stored it; hide it
      </button>
    </div>
  )
}

function NewTokenForm({ users, onCreated }: { users: User[]; onCreated: (c: Created) => void }) {
  const me = useUser()
  const client = useQueryClient()
  const form = useRef<HTMLFormElement>(null)
  const create = useMutation({
    mutationFn: (body: { name: string; user: string }) => post<Created>('/api/tokens', body),
    onSuccess: async (c) => {
      form.current?.reset()
      onCreated(c)
      await client.invalidateQueries({ queryKey: KEYS.tokens })
    },
  })
  const errors = issuesByField(create.error, ['name', 'user'])
  const active = users.filter((u) => !u.disabled_at)
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    create.mutate({ name: String(data.get('name')), user: String(data.get('user')) })
  }
  return (
    <form
      ref={form}
      className="card admin-form"
      onSubmit={submit}
      aria-labelledby="new-token-title"
      noValidate
    >
      <h2 id="new-token-title">Create a token</h2>
      {create.isError && <FormError error={create.error} unplaced={errors.get('')} />}
      <div className="form-grid">
        <Field label="What it is for" hint="e.g. helpdesk webhook, Uptime Kuma" error={errors.get('name')}>
          {(props) => <input {...props} name="name" required maxLength={200} autoComplete="off" />}
        </Field>
        <Field
          label="Acts as"
          hint="The token has this user’s role and organisation."
          error={errors.get('user')}
        >
          {(props) => (
            <select {...props} name="user" defaultValue={me.id}>
              {active.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email}, {u.role})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  )
}

function TokenTable({ tokens, users }: { tokens: Token[]; users: User[] }) {
  const client = useQueryClient()
  const revoke = useMutation({
    mutationFn: (id: string) => del(`/api/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS.tokens }),
  })
  const userOf = (id: string) => users.find((u) => u.id === id)
  return (
    <div className="table-wrap">
      {revoke.isError && <FormError error={revoke.error} />}
      <table>
        <caption className="visually-hidden">API tokens, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Acts as</th>
            <th scope="col" className="hide-narrow">
              Created
            </th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => {
            const user = userOf(t.user)
            return (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td className="break">{user ? `${user.name} (${user.role})` : t.user}</td>
                <td className="hide-narrow">
                  <Time at={t.created_at} />
                </td>
                <td>
                  {t.last_used_at ? <Time at={t.last_used_at} /> : <span className="muted">Never</span>}
                </td>
                <td>
                  {t.revoked_at ? (
                    <span className="badge neutral">Revoked</span>
                  ) : (
                    <span className="badge ok">Active</span>
                  )}
                </td>
                <td>
                  {!t.revoked_at && (
                    <ConfirmButton
                      label="Revoke"
                      confirm={`Anything using “${t.name}” is refused from now on.`}
                      busy={revoke.isPending && revoke.variables === t.id}
                      onConfirm={() => revoke.mutate(t.id)}
                    />
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
