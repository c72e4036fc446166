// `upheld simulate`: the example ticket, as JSON and for people; bad event lines; and a
// file large enough to be grouped through bucket files on disk.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { CLI_ARGS, runCli } from './test-support/run-cli.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-simulate-'))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const helpdesk = fileURLToPath(new URL('../../../shared/examples/helpdesk-sla.yaml', import.meta.url))

// As runCli, with stdout going to a file: spawnSync buffers at most 1 MB of output.
function runCliToFile(args: string[], out: string): { code: number | null; stderr: string } {
  const fd = openSync(out, 'w')
  try {
    const r = spawnSync(process.execPath, [...CLI_ARGS, ...args], {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    })
    return { code: r.status, stderr: r.stderr }
  } finally {
    closeSync(fd)
  }
}

// The example of issue 4: a P2 ticket created Friday 16:30 by email, an auto-reply, the first
// answer Monday 08:40, a wait for the customer, a raise to P1, a resolution and a reopen.
const EXAMPLE = [
  '{"id":"e-1","ticket":"T-100","type":"created","at":"2026-11-20T16:30:00Z","customer":"acme","service":"portal","severity":"P2","requester":"ann@acme.example","channel":"email","subject":"Login fails"}',
  '{"id":"e-2","ticket":"T-100","type":"message","at":"2026-11-20T16:31:00Z","author":"system","public":true,"automated":true}',
  '{"id":"e-3","ticket":"T-100","type":"message","at":"2026-11-23T08:40:00Z","author":"agent","public":true}',
  '{"id":"e-4","ticket":"T-100","type":"status","at":"2026-11-23T09:00:00Z","status":"waiting_on_customer"}',
  '{"id":"e-5","ticket":"T-100","type":"message","at":"2026-11-24T10:00:00Z","author":"requester","public":true}',
  '{"id":"e-6","ticket":"T-100","type":"status","at":"2026-11-24T10:00:00Z","status":"open"}',
  '{"id":"e-7","ticket":"T-100","type":"severity","at":"2026-11-24T11:00:00Z","severity":"P1"}',
  '{"id":"e-8","ticket":"T-100","type":"status","at":"2026-11-24T12:00:00Z","status":"resolved"}',
  '{"id":"e-9","ticket":"T-100","type":"status","at":"2026-11-25T09:00:00Z","status":"reopened"}',
  '{"id":"e-10","ticket":"T-100","type":"satisfaction","at":"2026-11-26T09:00:00Z","rating":4,"scale":5}',
]
const example = write('events.jsonl', `${EXAMPLE.join('\n')}\n`)

describe('upheld simulate', () => {
  test('--json prints the issue’s shape, every clock worked out by hand', () => {
    // first_response (P2, 2h business): Fri 16:30–17:00 and Mon 08:00–08:40 = 70m, due Mon 09:30.
    // resolution: raised to P1 (4h, 24×7) on Tue 11:00 and recomputed from Fri 16:30, its pause
    // (Mon 09:00–Tue 10:00) kept: due Fri 20:30, so breached. It ran Fri 16:30–Mon 09:00
    // (64h30m) and Tue 10:00–12:00 (2h), was resolved at 12:00 and resumed on the reopen
    // Wed 09:00: to Mon 30 00:00 another 111h; 177h30m in all.
    // periodic_update: P2 has none, P1 does, so it starts at the raise (Tue 11:00, due 12:00)
    // and the resolution at 12:00 cancels it, in time.
    const r = runCli([
      'simulate',
      '--agreement',
      helpdesk,
      '--events',
      example,
      '--at',
      '2026-11-30T00:00:00Z',
      '--json',
    ])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(r.stderr, '')
    const expected =
      '{"at":"2026-11-30T00:00:00.000Z","tickets":[{"ticket":"T-100","severity":"P1","clocks":[' +
      '{"metric":"first_response","severity":"P2","cycle":1,"state":"met","breached":false,"target_ms":7200000,"elapsed_ms":4200000,"due":"2026-11-23T09:30:00.000Z","stopped_at":"2026-11-23T08:40:00.000Z"},' +
      '{"metric":"resolution","severity":"P1","cycle":1,"state":"running","breached":true,"target_ms":14400000,"elapsed_ms":639000000,"due":"2026-11-20T20:30:00.000Z","stopped_at":null},' +
      '{"metric":"periodic_update","severity":"P1","cycle":1,"state":"cancelled","breached":false,"target_ms":3600000,"elapsed_ms":3600000,"due":"2026-11-24T12:00:00.000Z","stopped_at":"2026-11-24T12:00:00.000Z"}' +
      ']}],"summary":[' +
      '{"severity":"P1","metric":"resolution","total":1,"met":0,"breached":1,"compliance":0},' +
      '{"severity":"P2","metric":"first_response","total":1,"met":1,"breached":0,"compliance":1}' +
      ']}\n'
    assert.equal(r.stdout, expected)
  })

  test('--at shows the clocks as they stood then, before later events', () => {
    // Mon 09:00: answered at 08:40; the resolution waits since 09:00 with 30m + 1h used.
    const r = runCli([
      'simulate',
      '--agreement',
      helpdesk,
      '--events',
      example,
      '--at',
      '2026-11-23T09:00:00Z',
      '--json',
    ])
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout) as { tickets: { severity: string; clocks: Record<string, unknown>[] }[] }
    assert.equal(out.tickets[0]!.severity, 'P2')
    assert.deepEqual(out.tickets[0]!.clocks[1], {
      metric: 'resolution',
      severity: 'P2',
      cycle: 1,
      state: 'paused',
      breached: false,
      target_ms: 16 * 3_600_000,
      elapsed_ms: 90 * 60_000,
      due: null,
      stopped_at: null,
    })
    const before = runCli([
      'simulate',
      '--agreement',
      helpdesk,
      '--events',
      example,
      '--at',
      '2026-11-20T16:00:00Z',
      '--json',
    ])
    assert.equal(before.stdout, '{"at":"2026-11-20T16:00:00.000Z","tickets":[],"summary":[]}\n')
  })

  test('prints a table for people', () => {
    const r = runCli([
      'simulate',
      '--agreement',
      helpdesk,
      '--events',
      example,
      '--at',
      '2026-11-30T00:00:00Z',
    ])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(
      r.stdout,
      [
        'T-100 (P1)',
        '  first_response   P2   #1 met       1h 10m of 2h           due 2026-11-23T09:30:00.000Z',
        '  resolution       P1   #1 running   7d 9h 30m of 4h        due 2026-11-20T20:30:00.000Z BREACHED',
        '  periodic_update  P1   #1 cancelled 1h of 1h               due 2026-11-24T12:00:00.000Z',
        '',
        'Compliance over 1 ticket (clocks met in time, or breached)',
        '  P1   resolution             0 met       1 breached     0.00%',
        '  P2   first_response         1 met       0 breached   100.00%',
        '',
      ].join('\n'),
    )
  })

  test('bad event lines: each with file:line and field, exit 2, nothing on stdout', () => {
    const bad = write(
      'bad.jsonl',
      [
        EXAMPLE[0],
        '{"id":"e-2","ticket":"T-100","type":"message","at":"2026-11-20T16:31:00","author":"bot","public":true}',
        'not json',
        '',
        '{"id":"e-4","ticket":"T-100","type":"status","at":"2026-11-23T09:00:00Z","status":"open","colour":"red"}',
        '{"id":"e-5","ticket":"T-100","type":"stat","at":"2026-11-23T09:00:00Z"}',
      ].join('\n'),
    )
    const r = runCli(['simulate', '--agreement', helpdesk, '--events', bad, '--json'])
    assert.equal(r.code, 2)
    assert.equal(r.stdout, '')
    const lines = r.stderr.trimEnd().split('\n')
    assert.deepEqual(lines.slice(0, 4), [
      `upheld: ${bad}:2: at: must be an ISO 8601 instant with Z or an offset, such as 2026-11-20T16:30:00Z`,
      `upheld: ${bad}:2: author: "bot" is not one of agent, requester, system`,
      `upheld: ${bad}:3: is not JSON`,
      `upheld: ${bad}:5: colour: unknown key "colour"`,
    ])
    assert.ok(lines[4]!.startsWith(`upheld: ${bad}:6: type: `), lines[4])
    assert.equal(lines.length, 5)
  })

  test('a missing events file', () => {
    const r = runCli(['simulate', '--agreement', helpdesk, '--events', join(dir, 'none.jsonl')])
    assert.equal(r.code, 3)
    assert.equal(r.stdout, '')
    assert.match(r.stderr, /none\.jsonl: no such file/)
  })

  test('30,000 tickets, grouped through bucket files', () => {
    // Every ticket: P2 by email on Mon 23 Nov between 09:00 and 09:59, an auto-reply, a wait
    // for the customer from +1h to +2h, a resolution at +4h (3h used of 16h: met). One in five
    // is answered at +3h, past its +2h due; the others at +30m. Lines of all tickets are
    // interleaved, and the file is well over the 16 MB kept in memory.
    const TICKETS = 30_000
    const steps = (i: number): [number, string][] => [
      [
        0,
        '"type":"created","customer":"acme","service":"portal","severity":"P2","channel":"email","subject":"Printer on fire, again"',
      ],
      [1, '"type":"message","author":"system","public":true,"automated":true'],
      [i % 5 === 0 ? 180 : 30, '"type":"message","author":"agent","public":true'],
      [60, '"type":"status","status":"waiting_on_customer"'],
      [120, '"type":"message","author":"requester","public":true'],
      [120, '"type":"status","status":"open"'],
      [240, '"type":"status","status":"resolved"'],
      [300, '"type":"satisfaction","rating":5,"scale":5,"comment":"Thank you, all good now."'],
    ]
    const base = Date.parse('2026-11-23T09:00:00Z')
    const chunks: string[] = []
    for (let step = 0; step < 8; step++) {
      for (let i = 0; i < TICKETS; i++) {
        const [minutes, fields] = steps(i)[step]!
        const at = new Date(base + ((i % 60) + minutes) * 60_000).toISOString()
        chunks.push(`{"id":"e-${i}-${step}","ticket":"T-${i}","at":"${at}",${fields}}\n`)
      }
    }
    const text = chunks.join('')
    assert.ok(text.length > 16 * 1024 * 1024, `only ${text.length} bytes`)
    const big = write('big.jsonl', text)
    const output = join(dir, 'big.json')
    const args = [
      'simulate',
      '--agreement',
      helpdesk,
      '--events',
      big,
      '--at',
      '2026-11-30T00:00:00Z',
      '--json',
    ]
    const r = runCliToFile(args, output)
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(readFileSync(output, 'utf8')) as {
      tickets: { ticket: string }[]
      summary: unknown
    }
    assert.equal(new Set(out.tickets.map((t) => t.ticket)).size, TICKETS)
    assert.deepEqual(out.summary, [
      {
        severity: 'P2',
        metric: 'first_response',
        total: TICKETS,
        met: 24_000,
        breached: 6_000,
        compliance: 0.8,
      },
      { severity: 'P2', metric: 'resolution', total: TICKETS, met: TICKETS, breached: 0, compliance: 1 },
    ])
  })
})
