import { describe, test } from 'node:test'
import { agreementWith, assertFindings } from './test-support/base-agreement.ts'
import { ruleById } from './test-support/rules.ts'

describe('monitoring.interval-within-response', () => {
  const rule = ruleById('monitoring.interval-within-response')
  const monitor = (interval: string, severity?: string) =>
    agreementWith((a) => {
      const m = a.spec.monitoring![0]!
      m.interval = interval
      if (severity !== undefined) m.openIncident = { severity }
    })
  test('fires when the monitor checks less often than a third of the P1 first response', () => {
    assertFindings(rule, monitor('6m'), [
      {
        path: ['spec', 'monitoring', 0, 'interval'],
        message:
          'monitor "m-http" checks every 6m, more than a third of the 15m first response for P1: an outage could go unseen for most of the response time',
      },
    ])
  })
  test('is quiet at exactly a third', () => {
    assertFindings(rule, monitor('5m'), [])
  })
  test('judges a monitor by the severity of the incidents it opens', () => {
    assertFindings(rule, monitor('1h', 'P3'), [])
    assertFindings(rule, monitor('2h', 'P3'), [
      {
        path: ['spec', 'monitoring', 0, 'interval'],
        message:
          'monitor "m-http" checks every 2h, more than a third of the 4h first response for P3: an outage could go unseen for most of the response time',
      },
    ])
  })
})
