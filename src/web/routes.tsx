// Every page's address. Each area of the app lists its own routes; the sign-in guard wraps all
// but the sign-in page, and `/` is the at-risk board for staff and the portal for customers.
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router'
import { Loading } from './components/states.tsx'
import { Layout } from './layout.tsx'
import { adminRoutes } from './pages/admin/routes.tsx'
import { agreementRoutes } from './pages/agreements/routes.tsx'
import { availabilityRoutes } from './pages/availability/routes.tsx'
import { NotFound } from './pages/not-found.tsx'
import { PortalHome } from './pages/portal/home.tsx'
import { portalRoutes } from './pages/portal/routes.tsx'
import { reportRoutes } from './pages/reports/routes.tsx'
import { SignIn } from './pages/sign-in.tsx'
import { Board } from './pages/tickets/board.tsx'
import { ticketRoutes } from './pages/tickets/routes.tsx'
import { isStaff, useSession } from './session.tsx'

function RequireSession() {
  const { user, loading } = useSession()
  const location = useLocation()
  if (loading) return <Loading what="your session" />
  if (!user)
    return (
      <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    )
  return <Outlet />
}

function Home() {
  const { user } = useSession()
  return user && isStaff(user) ? <Board /> : <PortalHome />
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignIn /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <Home /> },
          ...ticketRoutes,
          ...portalRoutes,
          ...agreementRoutes,
          ...availabilityRoutes,
          ...reportRoutes,
          ...adminRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
])
