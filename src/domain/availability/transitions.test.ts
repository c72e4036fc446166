// When a service's contacts are told: a table of known states and current statuses.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Status } from './status-intervals.ts'
import { type ServiceState, serviceTransition } from './transitions.ts'

const up = (since: number): ServiceState => ({ state: 'up', since })
const down = (since: number): ServiceState => ({ state: 'down', since })

describe('service transitions', () => {
  const cases: [string, ServiceState | null, Status, ServiceState | null, 'up' | 'down' | null][] = [
    ['first seen up: known, nothing told', null, 'up', up(5), null],
    ['first seen degraded: up for this purpose', null, 'degraded', up(5), null],
    ['first seen down: an outage', null, 'down', down(5), 'down'],
    ['first seen without data: nothing known', null, 'unknown', null, null],
    ['up, then down: an outage', up(1), 'down', down(5), 'down'],
    ['up, still up: nothing', up(1), 'up', up(1), null],
    ['up, then degraded: nothing (still answering)', up(1), 'degraded', up(1), null],
    ['up, then no data: nothing (a lapsed probe is not an outage)', up(1), 'unknown', up(1), null],
    ['down, then no data: still down (nor a recovery)', down(1), 'unknown', down(1), null],
    ['down, still down: told once', down(1), 'down', down(1), null],
    ['down, then up: a recovery', down(1), 'up', up(5), 'up'],
    ['down, then degraded: a recovery', down(1), 'degraded', up(5), 'up'],
  ]
  for (const [name, known, status, next, to] of cases) {
    test(name, () => {
      const result = serviceTransition(known, { status, since: 5 })
      assert.deepEqual(result.next, next)
      assert.deepEqual(result.transition, to === null ? null : { to, since: 5 })
    })
  }
})
