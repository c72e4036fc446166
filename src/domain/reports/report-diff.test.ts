import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { reportChanges } from './report-diff.ts'

describe('report changes', () => {
  const before = {
    targets: [
      { severity: 'P1', metric: 'resolution', version: 'a@1', met: 11, breached: 1, compliance: '91.66' },
      { severity: 'P2', metric: 'resolution', version: 'a@1', met: 5, breached: 0, compliance: '100' },
    ],
    breaches: [{ ticket: 'T-1', metric: 'resolution', cycle: 1, late_ms: 600000 }],
    credits: { total: '0.00', lines: [{ source: 'availability', ref: 'portal-uptime', amount: '0.00' }] },
  }

  test('the same report has no changes', () => {
    assert.deepEqual(reportChanges(before, structuredClone(before)), [])
  })

  test('figures that differ are named by what their row is about, not by position', () => {
    const after = structuredClone(before)
    after.targets.reverse()
    after.targets[1]!.met = 10
    after.targets[1]!.breached = 2
    after.targets[1]!.compliance = '83.33'
    after.breaches.unshift({ ticket: 'T-0', metric: 'resolution', cycle: 1, late_ms: 60000 })
    after.credits.total = '600.00'
    after.credits.lines[0]!.amount = '600.00'
    assert.deepEqual(reportChanges(before, after), [
      { path: 'targets[P1/resolution/a@1].met', before: 11, after: 10 },
      { path: 'targets[P1/resolution/a@1].breached', before: 1, after: 2 },
      { path: 'targets[P1/resolution/a@1].compliance', before: '91.66', after: '83.33' },
      {
        path: 'breaches[T-0/resolution/1]',
        before: null,
        after: { ticket: 'T-0', metric: 'resolution', cycle: 1, late_ms: 60000 },
      },
      { path: 'credits.total', before: '0.00', after: '600.00' },
      { path: 'credits.lines[portal-uptime/availability].amount', before: '0.00', after: '600.00' },
    ])
  })
})
