// The administration pages, for admins only: people (users, organisations, roles), API tokens,
// notification channels and the delivery log, as tabs under /admin.
import { Navigate, type RouteObject } from 'react-router'
import { AdminFrame } from './admin-frame.tsx'
import { ChannelsPage } from './channels.tsx'
import { NotificationLogPage } from './notification-log.tsx'
import { OrganisationsPage } from './organisations.tsx'
import { RolesPage } from './roles.tsx'
import { TokensPage } from './tokens.tsx'
import { UsersPage } from './users.tsx'
import './admin.css'

export const adminRoutes: RouteObject[] = [
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      { index: true, element: <Navigate to="/admin/users" replace /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'roles', element: <RolesPage /> },
      { path: 'tokens', element: <TokensPage /> },
      { path: 'channels', element: <ChannelsPage /> },
      { path: 'notifications', element: <NotificationLogPage /> },
    ],
  },
]
