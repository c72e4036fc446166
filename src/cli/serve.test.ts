import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { CLI_ARGS } from './test-support/run-cli.ts'

test('upheld serve listens and answers /api/health, and stops on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [...CLI_ARGS, 'serve', '--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'upheld-serve-'))],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  try {
    let output = ''
    child.stdout.setEncoding('utf8')
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk
        const m = /listening on (http:\/\/\S+)/.exec(output)
        if (m) resolve(m[1]!)
      })
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)))
    })
    const response = await fetch(`${url}/api/health`)
    assert.equal(response.status, 200)
    const first = /^Sign in at (\S+) as (\S+) with password (\S+) ; /m.exec(output)
    assert.ok(first, `the first start prints the admin's password: ${output}`)
    assert.equal(first[1], url)
    const session = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: first[2], password: first[3] }),
    })
    assert.equal(session.status, 200)
    assert.equal(((await response.json()) as { status: string }).status, 'ok')
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit')
    assert.equal(code, 0)
  } finally {
    child.kill('SIGKILL')
  }
})
