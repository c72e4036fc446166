// The report's charts (recharts): compliance against each goal, uptime against each target, and
// breaches by severity and metric. Bars carry their figures as text and every colour is named
// in a legend; the tables below hold the same figures for screen readers and copying.
import { useEffect, useState } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { Report } from '../../../domain/reports/report-schema.ts'
import { has, metricName, shownTargets } from './words.ts'

/** Whether the screen is a phone's: the axis labels then take less room from the bars. */
function useNarrow(): boolean {
  const query = '(max-width: 640px)'
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const list = window.matchMedia(query)
    const change = () => setNarrow(list.matches)
    list.addEventListener('change', change)
    return () => list.removeEventListener('change', change)
  }, [])
  return narrow
}

const COLOURS = { met: '#1a7f37', missed: '#cf222e', none: '#57606a', goal: '#d0d7de', target: '#d0d7de' }
const METRIC_COLOURS = ['#cf222e', '#9a6700', '#6e40c9', '#1d4ed8']
const AXIS = { fontSize: 12, fill: '#57606a' }

function ChartCard({
  title,
  note,
  summary,
  legend,
  height,
  tall = false,
  children,
}: {
  tall?: boolean
  title: string
  note?: string
  summary: string
  legend?: { colour: string; text: string }[]
  height: number
  children: React.ReactElement
}) {
  return (
    <figure className={`card chart${tall ? ' tall' : ''}`}>
      <figcaption>
        <h3>{title}</h3>
        {note && <p className="small muted">{note}</p>}
      </figcaption>
      <div role="img" aria-label={summary} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
      {legend && (
        <ul className="chart-legend">
          {legend.map((l) => (
            <li key={l.text}>
              <span className="swatch" style={{ background: l.colour }} aria-hidden="true" /> {l.text}
            </li>
          ))}
        </ul>
      )}
    </figure>
  )
}

type Verdict = 'met' | 'missed' | 'none'

export function ComplianceChart({ report }: { report: Report }) {
  const narrow = useNarrow()
  const rows = shownTargets(report)
    .filter((t) => t.total > 0 || t.goal !== null)
    .map((t) => {
      const verdict: Verdict = t.goal_met === null ? 'none' : t.goal_met ? 'met' : 'missed'
      return {
        name: `${t.severity} ${metricName(t.metric).toLowerCase()}`,
        compliance: t.compliance === null ? 0 : Number(t.compliance),
        goal: t.goal === null ? null : Number(t.goal),
        label:
          t.compliance === null ? 'no tickets' : `${t.compliance}%${verdict === 'none' ? '' : ` ${verdict}`}`,
        verdict,
      }
    })
  if (rows.length === 0)
    return (
      <figure className="card chart">
        <figcaption>
          <h3>Compliance against the goals</h3>
        </figcaption>
        <p className="muted">No ticket targets in this report.</p>
      </figure>
    )
  const missed = rows.filter((r) => r.verdict === 'missed')
  const summary = `Compliance per severity and metric: ${rows.map((r) => `${r.name} ${r.label}${r.goal === null ? '' : ` of a ${r.goal}% goal`}`).join('; ')}.`
  return (
    <ChartCard
      title="Compliance against the goals"
      note={
        missed.length === 0
          ? 'Every goal with tickets was met.'
          : `${missed.length} goal${missed.length === 1 ? '' : 's'} missed.`
      }
      summary={summary}
      height={rows.length * 52 + 50}
      tall={rows.length > 3}
      legend={[
        { colour: COLOURS.met, text: 'Compliance, goal met' },
        { colour: COLOURS.missed, text: 'Compliance, goal missed' },
        { colour: COLOURS.none, text: 'Compliance, no goal or no tickets' },
        { colour: COLOURS.goal, text: 'Goal' },
      ]}
    >
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: narrow ? 92 : 116, bottom: 4, left: 4 }}
        barGap={2}
      >
        <CartesianGrid horizontal={false} stroke="#eaeef2" />
        <XAxis type="number" domain={[0, 100]} unit="%" tick={AXIS} />
        <YAxis type="category" dataKey="name" width={narrow ? 96 : 128} tick={AXIS} interval={0} />
        <Tooltip formatter={(v) => `${v}%`} />
        <Bar
          dataKey="goal"
          name="Goal"
          fill={COLOURS.goal}
          stroke="#8c959f"
          isAnimationActive={false}
          barSize={10}
        />
        <Bar dataKey="compliance" name="Compliance" isAnimationActive={false} barSize={16}>
          {rows.map((r) => (
            <Cell key={r.name} fill={COLOURS[r.verdict]} />
          ))}
          <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: '#1f2328' }} />
        </Bar>
      </BarChart>
    </ChartCard>
  )
}

export function AvailabilityChart({ report }: { report: Report }) {
  const narrow = useNarrow()
  const rows = report.availability.map((a) => {
    const verdict: Verdict = a.met === null ? 'none' : a.met ? 'met' : 'missed'
    return {
      name: a.id,
      uptime: a.uptime === null ? null : Number(a.uptime),
      target: Number(a.target),
      label: a.uptime === null ? 'no data' : `${a.uptime}% ${verdict === 'none' ? '' : verdict}`,
      verdict,
    }
  })
  const values = rows.flatMap((r) => [r.uptime ?? 100, r.target])
  // Uptimes sit just under 100%: the axis starts a little below the lowest figure.
  const floor = Math.max(0, Math.floor(Math.min(...values) - 0.5))
  const summary = `Uptime per objective: ${rows.map((r) => `${r.name} ${r.label} against ${r.target}%`).join('; ')}.`
  return (
    <ChartCard
      title="Availability against the targets"
      note={`The axis starts at ${floor}%.`}
      summary={summary}
      height={rows.length * 52 + 50}
      legend={[
        { colour: COLOURS.met, text: 'Uptime, target met' },
        { colour: COLOURS.missed, text: 'Uptime, target missed' },
        { colour: COLOURS.target, text: 'Target' },
      ]}
    >
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: narrow ? 92 : 116, bottom: 4, left: 4 }}
        barGap={2}
      >
        <CartesianGrid horizontal={false} stroke="#eaeef2" />
        <XAxis type="number" domain={[floor, 100]} unit="%" tick={AXIS} allowDataOverflow />
        <YAxis type="category" dataKey="name" width={narrow ? 96 : 128} tick={AXIS} interval={0} />
        <Tooltip formatter={(v) => `${v}%`} />
        <Bar
          dataKey="target"
          name="Target"
          fill={COLOURS.target}
          stroke="#8c959f"
          isAnimationActive={false}
          barSize={10}
        />
        <Bar dataKey="uptime" name="Uptime" isAnimationActive={false} barSize={16}>
          {rows.map((r) => (
            <Cell key={r.name} fill={COLOURS[r.verdict]} />
          ))}
          <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: '#1f2328' }} />
        </Bar>
      </BarChart>
    </ChartCard>
  )
}

export function BreachChart({ report }: { report: Report }) {
  const breaches = report.breaches.filter((b) => has(report, b.metric))
  const severities = [...new Set(shownTargets(report).map((t) => t.severity))]
  const metrics = [...new Set(breaches.map((b) => b.metric))]
  if (breaches.length === 0)
    return (
      <figure className="card chart">
        <figcaption>
          <h3>Breaches</h3>
        </figcaption>
        <p className="chart-empty">No target was breached in this period.</p>
      </figure>
    )
  const rows = severities.map((severity) => ({
    severity,
    ...Object.fromEntries(
      metrics.map((m) => [m, breaches.filter((b) => b.severity === severity && b.metric === m).length]),
    ),
  }))
  const summary = `Breaches by severity: ${rows
    .map(
      (r) =>
        `${r.severity} ${metrics.map((m) => `${(r as Record<string, unknown>)[m]} ${metricName(m).toLowerCase()}`).join(', ')}`,
    )
    .join('; ')}.`
  return (
    <ChartCard
      title="Breaches"
      note={`${breaches.length} in the period, ${breaches.filter((b) => b.open).length} still open at its end.`}
      summary={summary}
      height={240}
    >
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#eaeef2" />
        <XAxis dataKey="severity" tick={AXIS} />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {metrics.map((m, i) => (
          <Bar
            key={m}
            dataKey={m}
            name={metricName(m)}
            stackId="breaches"
            fill={METRIC_COLOURS[i % METRIC_COLOURS.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartCard>
  )
}
