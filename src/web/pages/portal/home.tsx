import { Page } from '../../components/page.tsx'

export function PortalHome() {
  return (
    <Page title="Home">
      <p>This page is being built.</p>
    </Page>
  )
}
