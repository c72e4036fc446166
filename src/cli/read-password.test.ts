import assert from 'node:assert/strict'
import { PassThrough } from 'node:stream'
import { describe, test } from 'node:test'
import { askHidden, readNewPassword, type Terminal } from './read-password.ts'

/** A terminal typed at by `keys`, one chunk each; `raw` records the raw-mode switches. */
function terminal(keys: string[]) {
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    raw: [] as boolean[],
    setRawMode(on: boolean) {
      input.raw.push(on)
      return input
    },
  })
  const output = new PassThrough()
  let shown = ''
  output.on('data', (chunk) => {
    shown += String(chunk)
  })
  // Typed once the prompt is up, as a person would.
  setImmediate(() => {
    for (const k of keys) input.write(k)
  })
  return { input: input as Terminal & { raw: boolean[] }, output, shown: () => shown }
}

describe('asking for a password at a terminal', () => {
  test('reads one line without echoing it, with backspace, and restores the terminal', async () => {
    const t = terminal(['secret', ' passw', 'x\u007fo', 'rd\r'])
    assert.equal(await askHidden('Password: ', t.input, t.output), 'secret password')
    assert.equal(t.shown(), 'Password: \n', 'nothing typed is shown')
    assert.deepEqual(t.input.raw, [true, false])
  })

  test('Ctrl-C cancels', async () => {
    const t = terminal(['half\u0003'])
    await assert.rejects(askHidden('Password: ', t.input, t.output), /cancelled; nothing was changed/)
    assert.deepEqual(t.input.raw, [true, false])
  })

  test('the password is asked twice and must be the same', async () => {
    const same = terminal(['a long password\r', 'a long password\r'])
    assert.equal(
      await readNewPassword('ann@acme.example', { fromStdin: false, input: same.input, output: same.output }),
      'a long password',
    )
    assert.equal(same.shown(), 'New password for ann@acme.example: \nThe same again: \n')
    const differ = terminal(['a long password\r', 'a long passw0rd\r'])
    await assert.rejects(
      readNewPassword('ann@acme.example', { fromStdin: false, input: differ.input, output: differ.output }),
      /the two passwords differ/,
    )
  })

  test('without a terminal it says to use --password-stdin', async () => {
    const input = new PassThrough() as Terminal
    await assert.rejects(readNewPassword('ann@acme.example', { fromStdin: false, input }), (error: Error) => {
      assert.match(error.message, /no terminal to ask for the password at/)
      assert.match(error.message, /--password-stdin/)
      return true
    })
  })
})
