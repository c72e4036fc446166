// What to do when nothing reports on a service: add a probe, or point a monitor at Upheld.
export function NoData({ customer, service }: { customer: string; service: string }) {
  const origin = window.location.origin
  const at = `${new Date().toISOString().slice(0, 19)}Z`
  const event = JSON.stringify({ id: 'evt-1', service, at, status: 'down' })
  return (
    <div className="alert info no-data">
      <p>
        <strong>Nothing has reported on {service} in this period</strong>, so there is no data to measure (and
        no data is never counted as up). Either:
      </p>
      <ul>
        <li>
          <strong>Add a probe</strong> that Upheld runs itself: write <code>monitoring[].probe</code> in the
          agreement, or send it to the API:
          <pre>
            {`curl -X POST ${origin}/api/probes -H "Authorization: Bearer $TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{"customer":"${customer}","id":"${service}-http","service":"${service}","probe":{"url":"https://…/health"}}'`}
          </pre>
        </li>
        <li>
          <strong>Send status events</strong> from your monitor (Alertmanager and Uptime Kuma webhooks are
          understood too):
          <pre>
            {`curl -X POST "${origin}/api/status-events?customer=${customer}" -H "Authorization: Bearer $TOKEN" \\
  -H "Content-Type: application/json" -d '${event}'`}
          </pre>
        </li>
      </ul>
      <p className="small">
        An administrator creates tokens under Admin → API tokens; anyone may create their own with{' '}
        <code>POST /api/tokens</code>. The whole API is described at <a href="/api/docs">/api/docs</a>.
      </p>
    </div>
  )
}
