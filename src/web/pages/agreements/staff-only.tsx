// The agreement pages are the provider's: a customer who finds one is sent to their own.
import { Link } from 'react-router'
import { Page } from '../../components/page.tsx'

export function StaffOnly() {
  return (
    <Page title="Agreements">
      <p>These pages are where the provider's staff write and manage agreements.</p>
      <p>
        Your organisation's agreement, where you agree to its sections, comment and sign, is at{' '}
        <Link to="/agreement">Our agreement</Link>.
      </p>
    </Page>
  )
}
