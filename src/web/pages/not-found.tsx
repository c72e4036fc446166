import { Link } from 'react-router'
import { Page } from '../components/page.tsx'

export function NotFound() {
  return (
    <Page title="Page not found">
      <p>There is no page at this address, or it is not one you may see.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </Page>
  )
}
