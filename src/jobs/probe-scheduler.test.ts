// The probe scheduler against real servers that go down and come back: an HTTP probe written
// in the agreement (two failures confirm an outage) and a TCP probe added through the API (one
// does), on one-second intervals with the real clock.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Deps } from '../actions/deps.ts'
import type { ProbeDefinition } from '../actions/list-probe-definitions.ts'
import { saveProbe } from '../actions/manage-probes.ts'
import { ADMIN, HELPDESK_SLA, seedPeople } from '../actions/test-support/fixtures.ts'
import { uploadAgreement } from '../actions/upload-agreement.ts'
import { createTestDb, type TestDb } from '../storage/test-support/test-db.ts'
import { nextSlot, offsetOf, startProbeScheduler } from './probe-scheduler.ts'
import { startHttpTarget, startTcpTarget, type Target } from './test-support/probe-targets.ts'

const HTTP_STREAM = 'probe:acme-helpdesk/m-portal'
const TCP_STREAM = 'probe:api/mx'

async function waitFor(what: string, ok: () => Promise<boolean>, ms = 6_000): Promise<void> {
  const until = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the probe scheduler', () => {
  let t: TestDb
  let deps: Deps
  let http: Target
  let tcp: Omit<Target, 'url' | 'reply'>
  const statuses = async (source: string) =>
    (
      await t.db.query<{ status: string }>(
        'select status from status_intervals where source = $1 order by start_at',
        [source],
      )
    ).map((r) => r.status)

  before(async () => {
    t = await createTestDb()
    deps = { db: t.db, now: Date.now }
    await seedPeople(t.db)
    http = await startHttpTarget()
    tcp = await startTcpTarget()
    const monitoring = [
      '  monitoring:',
      `    - { id: m-portal, target: portal, component: web, kind: uptime, tool: upheld, interval: 1s, probe: { url: "${http.url}", keyword: ok, timeout: 300ms, retries: 1 } }`,
      '    - { id: m-broken, target: portal, kind: uptime, tool: upheld, probe: { retries: 1 } }',
    ].join('\n')
    const text = `${HELPDESK_SLA.replace('effectiveFrom: 2026-01-01', 'effectiveFrom: 2020-01-01').replace('effectiveTo: 2026-12-31', 'effectiveTo: 2099-12-31')}\n${monitoring}\n`
    await uploadAgreement(deps, ADMIN, { text })
    const probe = { host: '127.0.0.1', port: tcp.port, timeout: '300ms' }
    await saveProbe(deps, ADMIN, {
      customer: 'acme',
      id: 'mx',
      service: 'email',
      component: 'mx',
      interval: '1s',
      probe,
    })
  })
  after(async () => {
    await http.down()
    await tcp.down()
    await t.drop()
  })

  test('probes go down after their retries, come back up at once, and one process runs them', async () => {
    const log: string[] = []
    const options = { leaseMs: 3_000, flushMs: 100, log: (line: string) => log.push(line) }
    const leader = startProbeScheduler(deps, { ...options, name: 'leader' })
    await waitFor('the lease', async () => (await t.db.query('select 1 from probe_leases')).length === 1)
    let followerResults = 0
    const follower = startProbeScheduler(deps, {
      ...options,
      name: 'follower',
      onResults: () => followerResults++,
    })
    try {
      const both = (status: string) => async () =>
        (await statuses(HTTP_STREAM)).at(-1) === status && (await statuses(TCP_STREAM)).at(-1) === status
      await waitFor('both up', both('up'))
      await Promise.all([http.down(), tcp.down()])
      await waitFor('both down', both('down'))
      await Promise.all([http.up(), tcp.up()])
      await waitFor('both up again', both('up'))
    } finally {
      await Promise.all([leader.stop(), follower.stop()])
    }
    assert.equal(followerResults, 0, 'the follower never probed')
    assert.deepEqual(await statuses(HTTP_STREAM), ['up', 'down', 'up'])
    assert.deepEqual(await statuses(TCP_STREAM), ['up', 'down', 'up'])
    assert.ok(
      log.some((line) => line.includes('skipped acme probe:acme-helpdesk/m-broken')),
      log.join('\n'),
    )
    assert.deepEqual(await t.db.query('select * from probe_leases'), [], 'the lease is given up')
  })

  test('an outage confirmed by retries dates from the first failed check', async () => {
    const [down] = await t.db.query<{ start_at: Date }>(
      `select start_at from status_intervals where source = $1 and status = 'down'`,
      [HTTP_STREAM],
    )
    const failed = await t.db.query<{ at: Date; failures: number }>(
      `select at, failures from probe_results where probe = $1 and outcome = 'down' order by at`,
      [HTTP_STREAM],
    )
    assert.deepEqual(down?.start_at, failed[0]?.at)
    assert.deepEqual(
      failed.slice(0, 2).map((r) => r.failures),
      [1, 2],
    )
  })

  test('each check records how late it started against its slot', async () => {
    const [late] = await t.db.query<{ n: number; worst: number }>(
      'select count(*)::int as n, max(late_ms) as worst from probe_results',
    )
    assert.ok(late!.n >= 6, `${late!.n} results`)
    assert.ok(late!.worst < 500, `worst lateness ${late!.worst} ms`)
  })
})

describe('probe slots', () => {
  const probe = (i: number, intervalMs = 30_000) =>
    ({ customerId: 'acme', source: `probe:api/p${i}`, timing: { intervalMs } }) as ProbeDefinition

  test('2,000 probes at 30 s spread over the interval, not all at once', () => {
    const perSecond = new Array(30).fill(0)
    for (let i = 0; i < 2_000; i++) perSecond[Math.floor(offsetOf(probe(i)) / 1_000)]++
    // 66.7 a second on average; a uniform spread stays well below twice that.
    assert.ok(Math.max(...perSecond) < 110, perSecond.join(' '))
  })

  test('a slot is the first after the instant, at the probe’s offset', () => {
    const p = probe(1)
    for (const t of [0, 1_000_000, 1_790_000_000_123]) {
      const slot = nextSlot(p, t)
      assert.ok(slot > t && slot <= t + 30_000)
      assert.equal((slot - offsetOf(p)) % 30_000, 0)
    }
  })
})
