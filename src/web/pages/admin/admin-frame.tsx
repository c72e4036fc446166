// The frame of every admin page: the tabs, and a plain refusal for anyone who is not an admin
// (the API refuses them too; this only saves them a page of errors).
import type { ReactNode } from 'react'
import { NavLink, Outlet } from 'react-router'
import { Page } from '../../components/page.tsx'
import { useUser } from '../../session.tsx'

export const ADMIN_TABS = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/organisations', label: 'Organisations' },
  { to: '/admin/roles', label: 'Roles' },
  { to: '/admin/tokens', label: 'API tokens' },
  { to: '/admin/channels', label: 'Notification channels' },
  { to: '/admin/notifications', label: 'Notification log' },
] as const

export function AdminFrame() {
  const user = useUser()
  if (user.role !== 'admin')
    return (
      <Page title="Administration">
        <p>
          Only administrators manage users, tokens and notifications. Ask one of them if you need a change.
        </p>
      </Page>
    )
  return <Outlet />
}

/** An admin page: its title, the tabs (the current one marked), and its content. */
export function AdminPage({
  title,
  actions,
  children,
}: {
  title: string
  actions?: ReactNode
  children: ReactNode
}) {
  return (
    <Page title={title} actions={actions}>
      <div className="admin">
        <nav aria-label="Administration">
          <ul className="tabs">
            {ADMIN_TABS.map((tab) => (
              <li key={tab.to}>
                <NavLink to={tab.to}>{tab.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {children}
      </div>
    </Page>
  )
}
