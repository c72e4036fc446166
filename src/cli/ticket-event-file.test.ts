// Reading a JSONL file of ticket events: grouped by ticket in memory, or through bucket files
// on disk past a size; both give every ticket's events, and nothing is left open.
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { AppError } from '../domain/app-error.ts'
import type { TicketEvent } from '../domain/clocks/ticket-events.ts'
import { readTicketEventFile, type TicketGroups } from './ticket-event-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'upheld-event-file-'))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

// 500 tickets, their lines interleaved: created, then a reply, then a resolution.
const lines: string[] = []
for (const [step, fields] of [
  [0, '"type":"created","customer":"acme","severity":"P2"'],
  [1, '"type":"message","author":"agent","public":true'],
  [2, '"type":"status","status":"resolved"'],
] as const) {
  for (let i = 0; i < 500; i++)
    lines.push(`{"id":"e-${i}-${step}","ticket":"T-${i}","at":"2026-11-23T0${step}:00:00Z",${fields}}`)
}
const file = write('events.jsonl', `\uFEFF${lines.join('\r\n')}\r\n\r\n`)

function collect(groups: TicketGroups): Map<string, TicketEvent[]> {
  const out = new Map<string, TicketEvent[]>()
  for (const events of groups.groups()) {
    assert.equal(out.has(events[0]!.ticket), false, 'a ticket came in two groups')
    assert.ok(events.every((e) => e.ticket === events[0]!.ticket))
    out.set(events[0]!.ticket, events)
  }
  groups.close()
  return out
}

const openFiles = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0)

describe('reading a ticket event file', () => {
  test('in memory and through bucket files, every ticket gets its events in file order', async () => {
    const before = openFiles()
    const inMemory = collect(await readTicketEventFile(file))
    const bucketed = collect(await readTicketEventFile(file, { inMemoryBytes: 0 }))
    assert.equal(openFiles(), before, 'bucket files were left open')
    assert.equal(inMemory.size, 500)
    // Small files keep the order of the first lines; bucketed ones go bucket by bucket.
    assert.deepEqual([...inMemory.keys()].slice(0, 3), ['T-0', 'T-1', 'T-2'])
    assert.deepEqual(new Map([...bucketed].sort()), new Map([...inMemory].sort()))
    const t7 = inMemory.get('T-7')!
    assert.deepEqual(
      t7.map((e) => [e.type, e.seq, e.at]),
      [
        ['created', 8, Date.parse('2026-11-23T00:00:00Z')],
        ['message', 508, Date.parse('2026-11-23T01:00:00Z')],
        ['status', 1008, Date.parse('2026-11-23T02:00:00Z')],
      ],
    )
  })

  test('bad lines are all reported, with file and line, before anything is grouped', async () => {
    const bad = write(
      'bad.jsonl',
      [
        lines[0],
        '{"id":"x"',
        lines[1],
        '{"id":"y","ticket":"T-1","type":"status","at":"2026-11-23T09:00:00Z"}',
      ].join('\n'),
    )
    for (const inMemoryBytes of [undefined, 0]) {
      await assert.rejects(readTicketEventFile(bad, { inMemoryBytes }), (error: unknown) => {
        assert.ok(error instanceof AppError)
        assert.deepEqual(
          error.issues.map((i) => [i.file, i.line, i.path.join('.'), i.message]),
          [
            [bad, 2, '', 'is not JSON'],
            [bad, 4, 'status', 'is required'],
          ],
        )
        return true
      })
    }
  })

  test('a file that is not there', async () => {
    await assert.rejects(readTicketEventFile(join(dir, 'none.jsonl')), /no such file/)
  })
})
