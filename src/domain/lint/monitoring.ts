// Monitoring: monitors check often enough for the first response they back.
import { formatDuration } from '../duration.ts'
import { at, durationMs, indexed, mostSevere, quote } from './facts.ts'
import { defineRule, type Problem } from './rule.ts'

const intervalBacksResponse = defineRule({
  id: 'monitoring.interval-within-response',
  section: 'monitoring',
  level: 'warning',
  when: 'submit',
  description:
    'A monitor checks at least three times within the first-response target of the severity it raises (the most severe by default).',
  check: ({ spec }) =>
    indexed(spec.monitoring).flatMap(([m, i]): Problem[] => {
      if (m.interval === undefined) return []
      const severities = m.openIncident ? [m.openIncident.severity] : mostSevere(spec).map((s) => s.id)
      const responses = (spec.targets ?? []).filter(
        (t) => t.metric === 'first_response' && t.within !== undefined && severities.includes(t.severity),
      )
      if (responses.length === 0) return []
      const tightest = responses.reduce((a, b) => (durationMs(b.within!) < durationMs(a.within!) ? b : a))
      const response = durationMs(tightest.within!)
      if (3 * durationMs(m.interval) <= response) return []
      return [
        {
          path: at('monitoring', i, 'interval'),
          message: `monitor ${quote(m.id)} checks every ${formatDuration(durationMs(m.interval))}, more than a third of the ${formatDuration(response)} first response for ${tightest.severity}: an outage could go unseen for most of the response time`,
          hint: `check at least every ${formatDuration(Math.floor(response / 3))}`,
        },
      ]
    }),
})

export const MONITORING_RULES = [intervalBacksResponse]
