import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createApp } from './app.ts'

describe('HTTP app', () => {
  const app = createApp({ version: '9.9.9' })

  test('/api/health answers', async () => {
    const response = await app.request('/api/health')
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), { status: 'ok', version: '9.9.9' })
  })

  test('an unknown route is a JSON 404', async () => {
    const response = await app.request('/api/nothing-here')
    assert.equal(response.status, 404)
    assert.deepEqual(await response.json(), {
      error: { code: 'not_found', message: 'no route for GET /api/nothing-here' },
    })
  })
})
