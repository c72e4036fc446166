// What each role may do, in plain words: the same rules the API enforces.
import { Link } from 'react-router'
import { AdminPage } from './admin-frame.tsx'

const ROLES = [
  {
    name: 'Administrator',
    who: 'Provider staff who run Upheld.',
    may: [
      'everything an agent may do',
      'add users and organisations, set passwords, disable users',
      'create and revoke API tokens for anyone',
      'set up notification channels (email, webhooks, Slack) and read the whole delivery log',
    ],
  },
  {
    name: 'Agent',
    who: 'Provider staff who answer tickets and look after agreements.',
    may: [
      'see every customer’s tickets, clocks, agreements, availability and reports',
      'upload and work agreements through review, approval and signature',
      'send status events and configure probes',
      'recompute a frozen report, with a reason that is kept',
      'create and revoke their own API tokens',
    ],
    mayNot: ['manage users, organisations or notification channels'],
  },
  {
    name: 'Customer',
    who: 'People at a customer organisation.',
    may: [
      'report problems and follow their organisation’s tickets',
      'read their organisation’s agreement, compliance, availability and reports',
      'create and revoke their own API tokens',
    ],
    mayNot: [
      'see anything of another customer',
      'upload agreements, send status events or recompute reports',
    ],
  },
] as const

export function RolesPage() {
  return (
    <AdminPage title="Roles">
      <p className="lead">
        Every user has one role. A role is chosen when the user is added on the{' '}
        <Link to="/admin/users">Users</Link> tab; API tokens act with their user’s role.
      </p>
      <div className="grid roles">
        {ROLES.map((role) => (
          <section key={role.name} className="card" aria-labelledby={`role-${role.name}`}>
            <h2 id={`role-${role.name}`}>{role.name}</h2>
            <p className="muted">{role.who}</p>
            <h3>May</h3>
            <ul>
              {role.may.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            {'mayNot' in role && (
              <>
                <h3>May not</h3>
                <ul>
                  {role.mayNot.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))}
      </div>
    </AdminPage>
  )
}
