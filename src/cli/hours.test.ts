import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { runCli } from './test-support/run-cli.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-hours-'))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const london = write(
  'london.yaml',
  `timezone: Europe/London
week:
  mon: [["08:00", "18:00"]]
  tue: [["08:00", "12:00"], ["13:00", "18:00"]]
  wed: [["08:00", "18:00"]]
  thu: [["08:00", "18:00"]]
  fri: [["08:00", "17:00"]]
holidays: [2026-12-25, { country: GB, region: ENG }, { file: feed.ics }]
`,
)
write(
  'feed.ics',
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20261127\r\nSUMMARY:Company day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
)
const helpdesk = fileURLToPath(new URL('../../../shared/examples/helpdesk-sla.yaml', import.meta.url))

describe('upheld hours due', () => {
  test('prints the due instant in the calendar zone and in UTC', () => {
    const r = runCli(['hours', 'due', '--calendar', london, '--from', '2026-11-20T16:30:00Z', '--in', '4h'])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^due {3}Mon 2026-11-23 11:30 Europe\/London \(UTC\+00:00\)$/m)
    assert.match(r.stdout, /^ {6}2026-11-23T11:30:00\.000Z \(UTC\)$/m)
  })

  test('reads --from without an offset in the calendar zone, and prints JSON', () => {
    const r = runCli([
      'hours',
      'due',
      '--calendar',
      london,
      '--from',
      '2026-07-03T16:30',
      '--in',
      '1h',
      '--json',
    ])
    assert.equal(r.code, 0, r.stderr)
    // 16:30 BST is 15:30Z; half an hour on Friday, then Monday 08:00 BST + 30m.
    assert.deepEqual(JSON.parse(r.stdout), {
      from: '2026-07-03T15:30:00.000Z',
      business_ms: 3_600_000,
      due: '2026-07-06T07:30:00.000Z',
      due_local: '2026-07-06T08:30:00.000+01:00',
      timezone: 'Europe/London',
    })
  })

  test('skips the holidays of a feed file beside the calendar', () => {
    // Friday 27 November 2026 is closed by feed.ics.
    const r = runCli([
      'hours',
      'due',
      '--calendar',
      london,
      '--from',
      '2026-11-26T17:00:00Z',
      '--in',
      '2h',
      '--json',
    ])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(JSON.parse(r.stdout).due, '2026-11-30T09:00:00.000Z')
  })

  test('picks a calendar out of an agreement with FILE#id', () => {
    const r = runCli([
      'hours',
      'due',
      '--calendar',
      `${helpdesk}#business`,
      '--from',
      '2026-12-23T16:00:00Z',
      '--in',
      '4h',
      '--json',
    ])
    assert.equal(r.code, 0, r.stderr)
    // 24th and 25th are holidays, 28th is the Boxing Day substitute.
    assert.equal(JSON.parse(r.stdout).due, '2026-12-29T10:00:00.000Z')
  })

  test('a negative duration goes backward', () => {
    const r = runCli([
      'hours',
      'due',
      '--calendar',
      london,
      '--from',
      '2026-11-23T09:00:00Z',
      '--in',
      '-2h',
      '--json',
    ])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(JSON.parse(r.stdout).due, '2026-11-20T16:00:00.000Z')
  })
})

describe('upheld hours between and open', () => {
  test('between counts business time in [from, to)', () => {
    const r = runCli([
      'hours',
      'between',
      '--calendar',
      london,
      '--from',
      '2026-11-20T16:30:00Z',
      '--to',
      '2026-11-24T12:00:00Z',
    ])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^14h 30m of business time \(52200000 ms\)$/m)
  })

  test('open says whether the calendar is open and when that changes', () => {
    const closed = runCli(['hours', 'open', '--calendar', london, '--at', '2026-12-25T10:00:00Z', '--json'])
    assert.deepEqual(JSON.parse(closed.stdout), {
      at: '2026-12-25T10:00:00.000Z',
      open: false,
      opens: '2026-12-29T08:00:00.000Z',
    })
    const open = runCli(['hours', 'open', '--calendar', london, '--at', '2026-11-24T12:30:00+01:00'])
    assert.equal(open.code, 0, open.stderr)
    assert.match(open.stdout, /^open at Tue 2026-11-24 11:30 Europe\/London/m)
    assert.match(open.stdout, /^closes Tue 2026-11-24 12:00 Europe\/London/m)
  })
})

describe('a calendar that never closes', () => {
  test('open says so instead of failing', () => {
    const always = write('always.yaml', 'timezone: UTC\nweek: 24x7\n')
    const r = runCli(['hours', 'open', '--calendar', always, '--at', '2026-11-24T12:00:00Z', '--json'])
    assert.equal(r.code, 0, r.stderr)
    assert.deepEqual(JSON.parse(r.stdout), { at: '2026-11-24T12:00:00.000Z', open: true, closes: null })
  })
})

describe('bad input', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'an unreadable instant',
      ['hours', 'due', '--calendar', london, '--from', 'yesterday', '--in', '4h'],
      /^upheld: --from: "yesterday" is not a date-time/,
    ],
    [
      'a bad duration',
      ['hours', 'due', '--calendar', london, '--in', '4x'],
      /^upheld: --in: "4x" is not a duration/,
    ],
    [
      'a month duration',
      ['hours', 'due', '--calendar', london, '--in', 'P1M'],
      /^upheld: --in: "P1M" counts months or years/,
    ],
    [
      'a missing file',
      ['hours', 'open', '--calendar', join(dir, 'nope.yaml')],
      /^upheld: .*nope\.yaml: no such file$/m,
    ],
    [
      'a missing option',
      ['hours', 'due', '--calendar', london],
      /^upheld: required option '--in <duration>' not specified$/m,
    ],
    ['an unknown command', ['hours', 'bogus'], /^upheld: unknown command 'bogus'$/m],
    [
      'an agreement with several calendars',
      ['hours', 'open', '--calendar', helpdesk],
      /holds several calendars \(business, always\); pick one/,
    ],
  ]
  for (const [name, args, message] of cases) {
    test(`${name}: one line, exit 2 (3 for a missing file)`, () => {
      const r = runCli(args)
      assert.equal(r.code, name === 'a missing file' ? 3 : 2)
      assert.match(r.stderr, message)
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr)
      assert.equal(r.stdout, '')
    })
  }

  test('an invalid calendar lists every problem with file:line:column and path', () => {
    const bad = write('bad.yaml', 'timezone: Europe/Lodnon\nweek:\n  tue: [["08:00", "25:00"]]\n  tues: []\n')
    const r = runCli(['hours', 'open', '--calendar', bad])
    assert.equal(r.code, 2)
    assert.deepEqual(r.stderr.trim().split('\n'), [
      `upheld: ${bad}:1:11: timezone: "Europe/Lodnon" is not an IANA time zone (did you mean "Europe/London" or "Europe/Lisbon"?)`,
      `upheld: ${bad}:3:9: week.tue[0]: "25:00" is not a time of day (HH:MM, 00:00 to 24:00)`,
      `upheld: ${bad}:4:9: week.tues: unknown weekday "tues" (did you mean "tue"?)`,
    ])
  })

  test('a YAML syntax error names the line', () => {
    const bad = write('syntax.yaml', 'timezone: UTC\nweek: [1, 2\n')
    const r = runCli(['hours', 'open', '--calendar', bad])
    assert.equal(r.code, 2)
    assert.match(r.stderr, new RegExp(`^upheld: ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: `))
  })
})

describe('help', () => {
  test('--help works everywhere and exits 0', () => {
    for (const args of [
      ['--help'],
      ['hours', '--help'],
      ['hours', 'due', '--help'],
      ['hours', 'between', '--help'],
      ['hours', 'open', '--help'],
    ]) {
      const r = runCli(args)
      assert.equal(r.code, 0, args.join(' '))
      assert.match(r.stdout, /^Usage: upheld/m)
    }
  })
})
