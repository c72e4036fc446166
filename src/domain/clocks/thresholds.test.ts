// Warning thresholds (clock.warnAt: 50%, 75%, 90%) as instants, found like the due instant:
// by spending that share of the target in business time along the clock's runs.
// P2: first response 2h, resolution 16h, Mon–Thu 08–18, Fri 08–17 London (GMT in November).
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { thresholdInstants } from './clock-view.ts'
import { dueAt } from './stopwatch.ts'
import { ev, events, helpdeskPolicy, iso, replay } from './test-support/clock-fixture.ts'

const policy = helpdeskPolicy()

function thresholds(list: Parameters<typeof events>, metric: string): (string | null)[] {
  const clock = replay(events(...list), policy).clocks.find((c) => c.metric === metric)
  if (!clock) throw new Error(`no ${metric}`)
  return thresholdInstants(clock).map((th) => (th.at === null ? null : new Date(th.at).toISOString()))
}

const at = (...list: (string | null)[]) => list.map((s) => (s === null ? null : iso(s)))

describe('warning thresholds', () => {
  test('they are the agreement’s warnAt, in order', () => {
    assert.deepEqual(
      policy.warnAt.map((f) => f.num / f.den),
      [0.5, 0.75, 0.9],
    )
  })

  test('a running resolution clock crosses them across the night', () => {
    // From Mon 09:00: 8h → Mon 17:00; 12h → 9h Monday + 3h Tuesday = Tue 11:00;
    // 14h24m → Tue 08:00 + 5h24m = 13:24.
    assert.deepEqual(
      thresholds([ev.created('2026-11-23 09:00')], 'resolution'),
      at('2026-11-23 17:00', '2026-11-24 11:00', '2026-11-24 13:24'),
    )
  })

  test('a paused clock has no instant for thresholds it has not reached', () => {
    // Paused at Mon 17:30 after 8h30m: past 50% (Mon 17:00), short of 75% and 90%.
    const list = [ev.created('2026-11-23 09:00'), ev.status('2026-11-23 17:30', 'waiting_on_customer')]
    assert.deepEqual(thresholds(list, 'resolution'), at('2026-11-23 17:00', null, null))
  })

  test('resumed, the rest fall where the remaining budget is spent', () => {
    // 8h30m used; resumed Tue 12:00: 75% needs 3h30m more → 15:30; 90% needs 5h54m → 17:54.
    const list = [
      ev.created('2026-11-23 09:00'),
      ev.status('2026-11-23 17:30', 'waiting_on_customer'),
      ev.status('2026-11-24 12:00', 'open'),
    ]
    assert.deepEqual(
      thresholds(list, 'resolution'),
      at('2026-11-23 17:00', '2026-11-24 15:30', '2026-11-24 17:54'),
    )
  })

  test('a clock met early never reaches the later ones', () => {
    // First response from Mon 09:00: 1h → 10:00, 1h30m → 10:30, 1h48m → 10:48; met at 10:15.
    assert.deepEqual(
      thresholds([ev.created('2026-11-23 09:00')], 'first_response'),
      at('2026-11-23 10:00', '2026-11-23 10:30', '2026-11-23 10:48'),
    )
    const met = [ev.created('2026-11-23 09:00'), ev.agent('2026-11-23 10:15')]
    assert.deepEqual(thresholds(met, 'first_response'), at('2026-11-23 10:00', null, null))
  })

  test('100% is the due instant, and other fractions can be asked for', () => {
    const clock = replay(events(ev.created('2026-11-20 16:30')), policy).clocks[0]!
    const [full, quarter] = thresholdInstants(clock, [
      { num: 1, den: 1 },
      { num: 1, den: 4 },
    ])
    assert.equal(full!.at, dueAt(clock))
    // A quarter of 2h is 30m: exactly Friday's 16:30–17:00, so it lands on the close.
    assert.equal(new Date(quarter!.at!).toISOString(), iso('2026-11-20 17:00'))
  })
})
