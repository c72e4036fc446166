// The report as a file: the PDF document, one CSV table, or the JSON, named by the agreement and
// the period. A refusal is shown beside the buttons as the API words it.
import { useId, useState } from 'react'
import { REPORT_TABLES, type ReportTable } from '../../../domain/reports/report-csv.ts'
import { download } from '../../api.ts'

const TABLE_NAMES: Record<ReportTable, string> = {
  targets: 'Targets',
  breaches: 'Breaches',
  availability: 'Availability',
  satisfaction: 'Satisfaction',
  incidents: 'Incidents',
  backlog: 'Backlog',
  checklist: 'Checklist',
}

export function Downloads({ agreement, period }: { agreement: string; period: string }) {
  const [table, setTable] = useState<ReportTable>('targets')
  const [busy, setBusy] = useState<string | null>(null)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const id = useId()
  const base = `/api/agreements/${encodeURIComponent(agreement)}/reports/${period}`
  async function get(kind: string, path: string, name: string) {
    setBusy(kind)
    setMessage(null)
    try {
      const saved = await download(path, name)
      setMessage({ error: false, text: `Downloaded ${saved}.` })
    } catch (error) {
      setMessage({ error: true, text: `The ${kind} could not be made: ${(error as Error).message}` })
    } finally {
      setBusy(null)
    }
  }
  return (
    <fieldset className="downloads">
      <legend className="visually-hidden">Download the report</legend>
      <button
        type="button"
        className="primary"
        disabled={busy !== null}
        onClick={() => get('PDF', `${base}?format=pdf`, `${agreement}-${period}.pdf`)}
      >
        {busy === 'PDF' ? 'Making the PDF…' : 'Download PDF'}
      </button>
      <span className="csv">
        <label htmlFor={id} className="visually-hidden">
          CSV table
        </label>
        <select id={id} value={table} onChange={(e) => setTable(e.target.value as ReportTable)}>
          {REPORT_TABLES.map((t) => (
            <option key={t} value={t}>
              {TABLE_NAMES[t]}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            get('CSV', `${base}?format=csv&table=${table}`, `${agreement}-${period}-${table}.csv`)
          }
        >
          Download CSV
        </button>
      </span>
      <button
        type="button"
        disabled={busy !== null}
        onClick={() => get('JSON', `${base}?format=json`, `${agreement}-${period}.json`)}
      >
        Download JSON
      </button>
      <p className={`download-message small${message?.error ? ' error' : ''}`} role="status">
        {message?.text}
      </p>
    </fieldset>
  )
}
