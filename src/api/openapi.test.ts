// biome-ignore-all lint/suspicious/noExplicitAny: the document is JSON, read loosely
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import SwaggerParser from '@apidevtools/swagger-parser'
import type { Db } from '../storage/db.ts'
import { createApp } from './app.ts'

// The documents need no database: nothing here queries it.
const app = createApp({ db: {} as Db, now: Date.now, version: '9.9.9' })
type Op = { operationId: string; security?: unknown[]; responses: Record<string, unknown>; requestBody?: any }

async function fetchDocument(): Promise<{ paths: Record<string, Record<string, Op>> } & Record<string, any>> {
  const response = await app.request('/api/openapi.json')
  assert.equal(response.status, 200)
  return (await response.json()) as any
}

describe('the OpenAPI document', () => {
  test('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const doc = await fetchDocument()
    assert.equal(doc.openapi, '3.1.0')
    await SwaggerParser.validate(structuredClone(doc) as never)
  })

  test('describes every route the app serves, once, with a unique operation id', async () => {
    const doc = await fetchDocument()
    const served = app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    )
    assert.deepEqual([...new Set(served)].sort(), described.sort())
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId))
    assert.equal(new Set(ids).size, ids.length)
  })

  test('marks what needs a token, and documents its 401 and the error shape', async () => {
    const doc = await fetchDocument()
    const tickets = doc.paths['/api/tickets']!.get!
    assert.equal(tickets.security, undefined)
    assert.deepEqual(Object.keys(tickets.responses).sort(), ['200', '400', '401'])
    assert.deepEqual(doc.paths['/api/health']!.get!.security, [])
    assert.ok(doc.components.schemas.Error.properties.error.properties.details)
  })

  test('derives bodies and parameters from the zod schemas', async () => {
    const doc = await fetchDocument()
    const events = doc.paths['/api/events']!.post!.requestBody.content['application/json'].schema
    const batch = (events.anyOf as any[]).find((s) => s.type === 'array')
    assert.equal(batch.maxItems, 1000)
    assert.ok(doc.paths['/api/agreements']!.post!.requestBody.content['application/yaml'])
    assert.ok(doc.components.schemas.Agreement.properties.spec)
    const params = (doc.paths['/api/tickets']!.get as any).parameters.map((p: any) => p.name)
    assert.deepEqual(params, [
      'customer',
      'severity',
      'agent',
      'service',
      'status',
      'breached',
      'at_risk',
      'within',
      'limit',
      'cursor',
    ])
    const version = (doc.paths['/api/agreements/{id}/versions/{version}']!.get as any).parameters
    assert.deepEqual(
      version.map((p: any) => [p.name, p.in, p.required]),
      [
        ['id', 'path', true],
        ['version', 'path', true],
      ],
    )
  })
})

describe('the reference page', () => {
  test('is one self-contained HTML page listing every endpoint', async () => {
    const response = await app.request('/api/docs')
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /text\/html/)
    const html = await response.text()
    assert.doesNotMatch(html, /<script|https?:\/\/(?!json-schema)[^"]*\.(js|css)/)
    const doc = await fetchDocument()
    for (const [path, ops] of Object.entries(doc.paths))
      for (const m of Object.keys(ops)) assert.ok(html.includes(`${m.toUpperCase()} ${path}`), `${m} ${path}`)
    assert.match(html, /<table>/)
  })
})
