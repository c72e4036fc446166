// Organisations: the provider (whose staff run Upheld) and its customers. A customer's id is
// what agreements, tickets and status events name, so it is chosen once and never changes.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { post } from '../../api.ts'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { KEYS, type Organisation, useOrganisations, useUsers } from './admin-data.ts'
import { AdminPage } from './admin-frame.tsx'
import { Field, FormError, issuesByField } from './fields.tsx'

export function OrganisationsPage() {
  const organisations = useOrganisations()
  const users = useUsers()
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState<Organisation | null>(null)
  const members = (id: string) => users.data?.filter((u) => u.organisation === id).length
  return (
    <AdminPage
      title="Organisations"
      actions={
        !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add a customer
          </button>
        )
      }
    >
      {added && (
        <p className="alert success" role="status">
          {added.name} was added. Upload its agreement under Agreements, and add its people under Users.
        </p>
      )}
      {adding && (
        <NewOrganisationForm
          onDone={(o) => {
            setAdding(false)
            setAdded(o)
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {organisations.isPending ? (
        <Loading what="organisations" />
      ) : organisations.isError ? (
        <ErrorView error={organisations.error} retry={() => organisations.refetch()} />
      ) : organisations.data.length === 0 ? (
        <Empty title="No organisations yet">
          <p>Add your first customer; its id is what its agreement names as the customer party.</p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Organisations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Id</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Users
                </th>
                <th scope="col" className="hide-narrow">
                  Added
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.data.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>
                    <code>{o.id}</code>
                  </td>
                  <td>{o.kind === 'provider' ? 'Provider (staff)' : 'Customer'}</td>
                  <td className="num">{members(o.id) ?? '—'}</td>
                  <td className="hide-narrow">
                    <Time at={o.created_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminPage>
  )
}

function NewOrganisationForm({
  onDone,
  onCancel,
}: {
  onDone: (o: Organisation) => void
  onCancel: () => void
}) {
  const client = useQueryClient()
  const [name, setName] = useState('')
  const [id, setId] = useState('')
  const [idTouched, setIdTouched] = useState(false)
  const create = useMutation({
    mutationFn: (body: { id: string; name: string; kind: string }) =>
      post<Organisation>('/api/organisations', body),
    onSuccess: async (o) => {
      await client.invalidateQueries({ queryKey: KEYS.organisations })
      onDone(o)
    },
  })
  const errors = issuesByField(create.error, ['id', 'name', 'kind'])
  // The id follows the name until someone writes their own.
  const shownId = idTouched ? id : slug(name)
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const kind = String(new FormData(event.currentTarget).get('kind'))
    create.mutate({ id: shownId, name, kind })
  }
  return (
    <form className="card admin-form" onSubmit={submit} aria-labelledby="new-org-title" noValidate>
      <h2 id="new-org-title">Add an organisation</h2>
      {create.isError && <FormError error={create.error} unplaced={errors.get('')} />}
      <div className="form-grid">
        <Field label="Name" hint="As people know it: Acme Corporation." error={errors.get('name')}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field
          label="Id"
          hint="Lower-case letters, digits and dashes; agreements and events name it. It cannot change."
          error={errors.get('id')}
        >
          {(props) => (
            <input
              {...props}
              value={shownId}
              onChange={(e) => {
                setIdTouched(true)
                setId(e.target.value)
              }}
              spellCheck={false}
              autoCapitalize="off"
              required
            />
          )}
        </Field>
        <Field label="Kind" error={errors.get('kind')}>
          {(props) => (
            <select {...props} name="kind" defaultValue="customer">
              <option value="customer">Customer</option>
              <option value="provider">Provider (your own staff)</option>
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add organisation'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
}
