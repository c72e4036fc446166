import { Page } from '../../components/page.tsx'

export function Board() {
  return (
    <Page title="At risk">
      <p>This page is being built.</p>
    </Page>
  )
}
