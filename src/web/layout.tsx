// The frame around every signed-in page: a skip link, the navigation the user's role may use,
// who is signed in, and the page itself.
import { NavLink, Outlet, useNavigate } from 'react-router'
import { isStaff, type Role, useSession, useUser } from './session.tsx'

type NavItem = { to: string; label: string; roles: Role[] }

const NAV: NavItem[] = [
  { to: '/', label: 'At risk', roles: ['admin', 'agent'] },
  { to: '/', label: 'Home', roles: ['customer'] },
  { to: '/report-problem', label: 'Report a problem', roles: ['customer'] },
  { to: '/tickets', label: 'Tickets', roles: ['admin', 'agent', 'customer'] },
  { to: '/agreements', label: 'Agreements', roles: ['admin', 'agent'] },
  { to: '/agreement', label: 'Our agreement', roles: ['customer'] },
  { to: '/compliance', label: 'Compliance', roles: ['customer'] },
  { to: '/availability', label: 'Availability', roles: ['admin', 'agent'] },
  { to: '/reports', label: 'Reports', roles: ['admin', 'agent'] },
  { to: '/admin', label: 'Admin', roles: ['admin'] },
]

export function Layout() {
  const user = useUser()
  const { signOut } = useSession()
  const navigate = useNavigate()
  const items = NAV.filter((item) => item.roles.includes(user.role))
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <div className="top-inner">
          <NavLink to="/" className="brand" aria-label="Upheld, home">
            <img src="/favicon.svg" alt="" width="24" height="24" />
            Upheld
          </NavLink>
          <nav aria-label="Main">
            <ul>
              {items.map((item) => (
                <li key={item.label}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="who">
            <span>
              {user.name}
              <span className="muted">
                {' '}
                · {isStaff(user) ? user.role : 'customer'}, {user.organisation}
              </span>
            </span>
            <button
              type="button"
              className="link-button"
              onClick={async () => {
                await signOut()
                navigate('/sign-in')
              }}
            >
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main">
        <Outlet />
      </main>
    </>
  )
}
