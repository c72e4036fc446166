import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { leastOccurrences, type PeriodShape } from './maintenance-time.ts'

const month: PeriodShape = { shortestDays: 28, months: 1, label: 'a month' }
const quarter: PeriodShape = { shortestDays: 90, months: 3, label: 'a quarter' }
const rolling90: PeriodShape = { shortestDays: 90, months: 1, label: 'each rolling 90d' }

describe('leastOccurrences', () => {
  const cases: [string, PeriodShape, number][] = [
    ['FREQ=WEEKLY;BYDAY=SU;BYHOUR=2', month, 4],
    ['FREQ=WEEKLY', month, 4],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU', month, 4],
    ['FREQ=WEEKLY;INTERVAL=3;BYDAY=SU', month, 1],
    ['FREQ=WEEKLY;BYDAY=SU', quarter, 12],
    ['FREQ=DAILY;BYHOUR=2', month, 28],
    ['FREQ=DAILY;BYHOUR=2,14', month, 56],
    ['FREQ=DAILY;INTERVAL=2', month, 14],
    ['FREQ=DAILY;BYDAY=MO,WE', month, 8],
    ['FREQ=MONTHLY;BYDAY=1SA;BYHOUR=22;BYMINUTE=0', month, 1],
    ['FREQ=MONTHLY;BYDAY=1SA', quarter, 3],
    ['FREQ=MONTHLY;BYDAY=-1SU', month, 1],
    ['FREQ=MONTHLY;BYDAY=5SA', month, 0],
    ['FREQ=MONTHLY;BYDAY=SA', month, 4],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15,31', month, 2],
    ['FREQ=MONTHLY', month, 1],
    ['FREQ=MONTHLY;INTERVAL=2;BYDAY=1SA', month, 0],
    ['FREQ=MONTHLY;INTERVAL=2;BYDAY=1SA', quarter, 1],
    ['FREQ=MONTHLY;BYDAY=1SA', rolling90, 1],
    ['FREQ=HOURLY;INTERVAL=6', month, 112],
    ['FREQ=WEEKLY;BYDAY=SU;COUNT=4', month, 0],
    ['FREQ=WEEKLY;BYDAY=SU;UNTIL=20261231T000000Z', month, 0],
    ['FREQ=MONTHLY;BYMONTH=1,7', quarter, 0],
    ['FREQ=YEARLY', quarter, 0],
  ]
  for (const [rrule, shape, expected] of cases) {
    test(`${rrule} starts at least ${expected} times in ${shape.label}`, () => {
      assert.equal(leastOccurrences(rrule, shape), expected)
    })
  }
})
