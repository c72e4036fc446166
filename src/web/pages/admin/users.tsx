// Users: who may sign in, with which role and for which organisation. An admin adds a user with
// an initial password, sets a new password, or disables a user (their sessions and tokens stop).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { PASSWORD_MIN_LENGTH } from '../../../domain/password-policy.ts'
import { post } from '../../api.ts'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { useUser } from '../../session.tsx'
import { KEYS, type Organisation, ROLE_NAMES, type User, useOrganisations, useUsers } from './admin-data.ts'
import { AdminPage } from './admin-frame.tsx'
import { ConfirmButton, Field, FormError, issuesByField } from './fields.tsx'

export function UsersPage() {
  const users = useUsers()
  const organisations = useOrganisations()
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState<User | null>(null)
  return (
    <AdminPage
      title="Users"
      actions={
        !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add a user
          </button>
        )
      }
    >
      {added && (
        <p className="alert success" role="status">
          {added.name} ({added.email}) was added as {ROLE_NAMES[added.role].toLowerCase()} of{' '}
          {organisations.data?.find((o) => o.id === added.organisation)?.name ?? added.organisation}. Give
          them their initial password by a separate channel; they can change it once signed in.
        </p>
      )}
      {adding && organisations.data && (
        <NewUserForm
          organisations={organisations.data}
          onDone={(user) => {
            setAdding(false)
            setAdded(user)
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {users.isPending || organisations.isPending ? (
        <Loading what="users" />
      ) : users.isError ? (
        <ErrorView error={users.error} retry={() => users.refetch()} />
      ) : users.data.length === 0 ? (
        <Empty title="No users yet">
          <p>Add the agents who answer tickets and the customers' contacts who report problems.</p>
        </Empty>
      ) : (
        <UserTable users={users.data} organisations={organisations.data ?? []} />
      )}
    </AdminPage>
  )
}

function UserTable({ users, organisations }: { users: User[]; organisations: Organisation[] }) {
  const nameOf = (id: string) => organisations.find((o) => o.id === id)?.name ?? id
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Users, by email</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="hide-narrow">
              Email
            </th>
            <th scope="col">Role</th>
            <th scope="col" className="hide-narrow">
              Organisation
            </th>
            <th scope="col" className="hide-narrow">
              Added
            </th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name}
                <div className="show-narrow small muted break">
                  {u.email}, {nameOf(u.organisation)}
                </div>
              </td>
              <td className="break hide-narrow">{u.email}</td>
              <td>{ROLE_NAMES[u.role]}</td>
              <td className="hide-narrow">{nameOf(u.organisation)}</td>
              <td className="hide-narrow">
                <Time at={u.created_at} />
              </td>
              <td>
                {u.disabled_at ? (
                  <span className="badge neutral" title={`since ${u.disabled_at}`}>
                    Disabled
                  </span>
                ) : (
                  <span className="badge ok">Active</span>
                )}
              </td>
              <td>
                <UserActions user={u} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function UserActions({ user }: { user: User }) {
  const me = useUser()
  const client = useQueryClient()
  const [setting, setSetting] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const disable = useMutation({
    mutationFn: () => post<User>(`/api/users/${encodeURIComponent(user.id)}/disable`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS.users }),
  })
  if (user.disabled_at) return <span className="muted small">No actions</span>
  return (
    <div className="row-actions">
      {done && (
        <span className="small ok-text" role="status">
          {done}
        </span>
      )}
      {setting ? (
        <PasswordForm
          user={user}
          onDone={() => {
            setSetting(false)
            setDone('Password set')
          }}
          onCancel={() => setSetting(false)}
        />
      ) : (
        <button type="button" onClick={() => setSetting(true)} aria-label={`Set a password for ${user.name}`}>
          Set password
        </button>
      )}
      {user.id !== me.id && (
        <ConfirmButton
          label="Disable"
          confirm={`${user.name} will be signed out and their API tokens will stop working.`}
          busy={disable.isPending}
          onConfirm={() => disable.mutate()}
        />
      )}
      {disable.isError && <FormError error={disable.error} />}
    </div>
  )
}

function PasswordForm({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const save = useMutation({
    mutationFn: (password: string) =>
      post(`/api/users/${encodeURIComponent(user.id)}/password`, { password }),
    onSuccess: onDone,
  })
  const errors = issuesByField(save.error, ['password'])
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    save.mutate(String(new FormData(event.currentTarget).get('password')))
  }
  return (
    <form onSubmit={submit} className="inline-form">
      <Field
        label={`New password for ${user.name}`}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Their other sessions end.`}
        error={errors.get('password')}
      >
        {(props) => (
          <input
            {...props}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            required
          />
        )}
      </Field>
      {save.isError && !errors.has('password') && <FormError error={save.error} unplaced={errors.get('')} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Set password
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

const USER_FIELDS = ['email', 'name', 'role', 'organisation', 'password'] as const

function NewUserForm({
  organisations,
  onDone,
  onCancel,
}: {
  organisations: Organisation[]
  onDone: (user: User) => void
  onCancel: () => void
}) {
  const client = useQueryClient()
  const [role, setRole] = useState<User['role']>('agent')
  const [showPassword, setShowPassword] = useState(false)
  const create = useMutation({
    mutationFn: (body: Record<string, string>) => post<User>('/api/users', body),
    onSuccess: async (user) => {
      await client.invalidateQueries({ queryKey: KEYS.users })
      onDone(user)
    },
  })
  const errors = issuesByField(create.error, USER_FIELDS)
  const fitting = organisations.filter((o) => (role === 'customer') === (o.kind === 'customer'))
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body = Object.fromEntries(USER_FIELDS.map((f) => [f, String(form.get(f) ?? '')]))
    create.mutate(body)
  }
  return (
    <form className="card admin-form" onSubmit={submit} aria-labelledby="new-user-title" noValidate>
      <h2 id="new-user-title">Add a user</h2>
      {create.isError && <FormError error={create.error} unplaced={errors.get('')} />}
      <div className="form-grid">
        <Field label="Name" error={errors.get('name')}>
          {(props) => <input {...props} name="name" autoComplete="off" required />}
        </Field>
        <Field label="Email" hint="They sign in with it." error={errors.get('email')}>
          {(props) => <input {...props} name="email" type="email" autoComplete="off" required />}
        </Field>
        <Field label="Role" hint="See the Roles tab for what each may do." error={errors.get('role')}>
          {(props) => (
            <select
              {...props}
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value as User['role'])}
            >
              <option value="agent">Agent</option>
              <option value="admin">Administrator</option>
              <option value="customer">Customer</option>
            </select>
          )}
        </Field>
        <Field
          label="Organisation"
          hint={role === 'customer' ? 'The customer they speak for.' : 'Staff belong to the provider.'}
          error={errors.get('organisation')}
        >
          {(props) => (
            <select {...props} name="organisation" key={role} required>
              {fitting.length === 0 && (
                <option value="">No {role === 'customer' ? 'customer' : 'provider'} organisation yet</option>
              )}
              {fitting.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.id})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Initial password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one.`}
          error={errors.get('password')}
        >
          {(props) => (
            <div className="with-button">
              <input
                {...props}
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="new-password"
                minLength={PASSWORD_MIN_LENGTH}
                required
              />
              <button type="button" onClick={() => setShowPassword((s) => !s)} aria-pressed={showPassword}>
                {showPassword ? 'Hide' : 'Show'}
              </button>
            </div>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add user'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
