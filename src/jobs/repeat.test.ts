import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { startRepeating } from './repeat.ts'

describe('a repeating job', () => {
  test('runs at once, again after each pause, goes on after a failure, and stops', async () => {
    const lines: string[] = []
    let runs = 0
    const job = startRepeating(
      'job',
      10,
      async () => {
        runs++
        if (runs === 2) throw new Error('the database was away')
      },
      (line) => lines.push(line),
    )
    while (runs < 4) await new Promise((resolve) => setTimeout(resolve, 5))
    await job.stop()
    const after = runs
    await new Promise((resolve) => setTimeout(resolve, 40))
    assert.equal(runs, after, 'nothing after stop')
    assert.deepEqual(lines, ['job: the database was away'])
  })
})
