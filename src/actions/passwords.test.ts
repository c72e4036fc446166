import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { hashPassword, passwordMatches, randomPassword } from './passwords.ts'

async function fastest(times: number, fn: () => Promise<unknown>): Promise<number> {
  let least = Number.POSITIVE_INFINITY
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await fn()
    least = Math.min(least, performance.now() - start)
  }
  return least
}

describe('passwords', () => {
  test('are hashed with argon2id, salted, and checked against their hash', async () => {
    const [a, b] = [await hashPassword('a long password'), await hashPassword('a long password')]
    assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    assert.notEqual(a, b)
    assert.equal(await passwordMatches(a, 'a long password'), true)
    assert.equal(await passwordMatches(a, 'a long passwore'), false)
  })

  test('breaking the policy is invalid input naming the field', async () => {
    await assert.rejects(hashPassword('too short'), (error: Error & { code?: string; issues?: unknown }) => {
      assert.equal(error.code, 'invalid_input')
      assert.deepEqual((error.issues as { path: string[] }[])[0]!.path, ['password'])
      return true
    })
  })

  test('with no hash to check there is no match, after as long as a real check takes', async () => {
    const stored = await hashPassword('a long password')
    assert.equal(await passwordMatches(undefined, 'a long password'), false)
    assert.equal(await passwordMatches(null, 'anything at all'), false)
    const real = await fastest(3, () => passwordMatches(stored, 'wrong password'))
    const none = await fastest(3, () => passwordMatches(null, 'wrong password'))
    // The quickest of a few, so that a busy machine's pauses do not count: without the dummy
    // check `none` is well under a millisecond, and an argon2 check takes tens.
    assert.ok(none > real / 4, `no hash: ${none.toFixed(1)} ms, a hash: ${real.toFixed(1)} ms`)
  })

  test('first passwords are random and pass the policy', async () => {
    const a = randomPassword()
    assert.match(a, /^[A-Za-z0-9_-]{24}$/)
    assert.notEqual(a, randomPassword())
    assert.match(await hashPassword(a), /^\$argon2id\$/)
  })
})
