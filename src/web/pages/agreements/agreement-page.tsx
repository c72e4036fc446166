// One agreement: its title and where it stands, and its tabs: the document, the lifecycle,
// the changes between revisions and versions, the audit trail and the health list.
import { Link, NavLink, Outlet, useParams } from 'react-router'
import { Page } from '../../components/page.tsx'
import { ErrorView } from '../../components/states.tsx'
import { isStaff, useUser } from '../../session.tsx'
import { useActs, useAgreement, useLifecycle } from './agreement-data.ts'
import { AgreementLifecycle } from './lifecycle.tsx'
import { StaffOnly } from './staff-only.tsx'
import { StateBadge } from './words.tsx'

const TABS = [
  ['', 'Document'],
  ['lifecycle', 'Lifecycle'],
  ['changes', 'Changes'],
  ['audit', 'Audit trail'],
  ['health', 'Health'],
] as const

export function AgreementPage() {
  const user = useUser()
  const id = useParams().id!
  if (!isStaff(user)) return <StaffOnly />
  return <Agreement id={id} />
}

function Agreement({ id }: { id: string }) {
  const agreement = useAgreement(id)
  const lifecycle = useLifecycle(id)
  const acts = useActs(id)
  const base = `/agreements/${encodeURIComponent(id)}`
  const canEdit = acts.data?.acts.find((a) => a.act === 'edit')?.allowed
  const current = lifecycle.data?.current
  const inForce = lifecycle.data?.editions.find((e) => e.state === 'in_force' || e.state === 'review_due')
  const latest = agreement.data?.versions.at(-1)
  return (
    <Page
      title={agreement.data?.title ?? id}
      actions={
        canEdit && (
          <Link className="button primary" to={`${base}/edit`}>
            Edit
          </Link>
        )
      }
    >
      {agreement.isError ? (
        <ErrorView error={agreement.error} retry={() => agreement.refetch()} />
      ) : (
        <>
          <p className="ag-meta">
            <code>{id}</code>
            {agreement.data && (
              <>
                <span>
                  Customer <strong>{agreement.data.customer}</strong>
                </span>
                <span className="hide-narrow">{agreement.data.kind.replace(/([a-z])([A-Z])/g, '$1 $2')}</span>
              </>
            )}
            {lifecycle.data && (current ? <StateBadge state={current.state} /> : <StateBadge state={null} />)}
            {inForce?.version ? (
              <span>Version {inForce.version} in force</span>
            ) : !current && latest ? (
              <span>Version {latest.version}</span>
            ) : (
              lifecycle.data && <span className="muted">No version in force</span>
            )}
          </p>
          <nav aria-label="About this agreement">
            <ul className="tabs">
              {TABS.map(([path, label]) => (
                <li key={label}>
                  <NavLink to={path === '' ? base : `${base}/${path}`} end>
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Outlet />
        </>
      )}
    </Page>
  )
}

export function LifecycleTab() {
  return <AgreementLifecycle agreementId={useParams().id!} />
}
