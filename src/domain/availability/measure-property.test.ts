// The engine against the second-by-second oracle, on random statuses, components, maintenance
// and rules; intervals both as storage keeps them and as observations turn into.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { type AvailabilityFigures, measureAvailability } from './measure.ts'
import type { AvailabilityObjective, ObjectiveRules } from './objective-rules.ts'
import type { Span } from './span-set.ts'
import {
  intervalsFromObservations,
  type Observation,
  STATUSES,
  type StatusInterval,
} from './status-intervals.ts'
import {
  type OracleFigures,
  oracleFigures,
  witnessesFromIntervals,
  witnessesFromObservations,
} from './test-support/availability-oracle.ts'
import { at, rulesFor } from './test-support/objective.ts'

const BASE = at('2026-10-03T00:00:00Z')
const COMPONENTS = ['a', 'b', 'c']
// Whole seconds from BASE: a few hours, with room either side of the period.
const instant = fc.integer({ min: -1200, max: 4 * 3600 }).map((s) => BASE + s * 1000)
const length = fc
  .oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 3600 }))
  .map((s) => s * 1000)

const period: fc.Arbitrary<Span> = fc
  .record({ offset: fc.integer({ min: 0, max: 119 }), seconds: fc.integer({ min: 60, max: 3 * 3600 }) })
  .map(({ offset, seconds }) => ({ start: BASE + offset * 1000, end: BASE + (offset + seconds) * 1000 }))

const rules: fc.Arbitrary<ObjectiveRules> = fc
  .record({
    aggregate: fc.constantFrom('any-down', 'all-down', 'named') as fc.Arbitrary<
      'any-down' | 'all-down' | 'named'
    >,
    components: fc.option(fc.subarray(COMPONENTS, { minLength: 1 })),
    noData: fc.constantFrom('up', 'down', 'exclude') as fc.Arbitrary<AvailabilityObjective['noData']>,
    maintenance: fc.boolean(),
    classification: fc.constantFrom(undefined, 'any-overlap', 'whole-minute') as fc.Arbitrary<
      'any-overlap' | 'whole-minute' | undefined
    >,
    minimum: fc.constantFrom(undefined, '30s', '1m', '5m'),
    degradedCounts: fc.boolean(),
    target: fc.constantFrom('99.9%', '99%', '95.5%', '100%', '0%'),
  })
  .map((r) =>
    rulesFor({
      aggregate: r.aggregate,
      components: r.components ?? (r.aggregate === 'named' ? ['a'] : undefined),
      noData: r.noData,
      exclude: r.maintenance ? ['maintenance'] : [],
      downtime: { classification: r.classification, minimum: r.minimum, degradedCounts: r.degradedCounts },
      target: r.target,
    }),
  )

const span = fc
  .record({ start: instant, length })
  .map(({ start, length }) => ({ start, end: start + length }))
// Most components have one stream; some have two monitors.
const stream = fc.option(fc.constantFrom('x', 'y'), { nil: undefined, freq: 3 })
const statusInterval: fc.Arbitrary<StatusInterval> = fc
  .record({ component: fc.constantFrom(...COMPONENTS), stream, status: fc.constantFrom(...STATUSES), span })
  .map(({ component, stream, status, span }) => ({ component, ...(stream && { stream }), status, ...span }))
const observation: fc.Arbitrary<Observation> = fc.record({
  component: fc.constantFrom(...COMPONENTS),
  stream,
  at: instant,
  status: fc.constantFrom(...STATUSES),
  holdMs: fc.option(fc.integer({ min: 1, max: 600 }).map((s) => s * 1000)),
})

function assertAgrees(
  figures: AvailabilityFigures,
  oracle: OracleFigures,
  rules: ObjectiveRules,
  p: Span,
): void {
  const { incidents, ...measured } = oracle
  assert.deepEqual(
    {
      eligibleMs: figures.eligibleMs,
      downMs: figures.downMs,
      degradedMs: figures.degradedMs,
      unknownMs: figures.unknownMs,
      maintenanceMs: figures.maintenanceMs,
    },
    measured,
  )
  assert.deepEqual(
    figures.incidents.map((i) => ({ start: i.start, end: i.end })),
    incidents,
  )
  // Every instant of the period is eligible, maintenance, or no data left out.
  const excludedUnknown = rules.noData === 'exclude' ? figures.unknownMs : 0
  assert.equal(figures.eligibleMs + figures.maintenanceMs + excludedUnknown, p.end - p.start)
  assert.equal(
    figures.incidents.reduce((sum, i) => sum + i.durationMs, 0),
    figures.downMs,
  )
  assert.equal(figures.budgetLeftMs, figures.budgetMs - figures.downMs)
  assert.equal(figures.uptime === null, figures.eligibleMs === 0)
}

describe('measureAvailability agrees with the second-by-second oracle', () => {
  test('on intervals as storage keeps them', () => {
    fc.assert(
      fc.property(
        rules,
        period,
        fc.array(statusInterval, { maxLength: 12 }),
        fc.array(span, { maxLength: 3 }),
        (r, p, intervals, maintenance) => {
          const figures = measureAvailability({ rules: r, period: p, intervals, maintenance })
          const oracle = oracleFigures(r, p, witnessesFromIntervals(intervals), maintenance)
          assertAgrees(figures, oracle, r, p)
        },
      ),
    )
  })

  test('on observations, monitor reports and probe results', () => {
    fc.assert(
      fc.property(
        rules,
        period,
        fc.array(observation, { maxLength: 12 }),
        fc.option(instant, { nil: Number.POSITIVE_INFINITY }),
        (r, p, observations, until) => {
          const intervals = intervalsFromObservations(observations, until)
          const figures = measureAvailability({ rules: r, period: p, intervals, maintenance: [] })
          const oracle = oracleFigures(r, p, witnessesFromObservations(observations, until), [])
          assertAgrees(figures, oracle, r, p)
        },
      ),
    )
  })
})
