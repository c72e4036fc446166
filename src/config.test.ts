import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { readConfig } from './config.ts'
import { AppError } from './domain/app-error.ts'

describe('readConfig', () => {
  test('has defaults for everything', () => {
    assert.deepEqual(readConfig({}), {
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './data',
      logLevel: 'info',
      roles: ['api', 'worker'],
      worker: { pollMs: 1000, batchSize: 100 },
      publicUrl: 'http://127.0.0.1:3000',
      probes: { retentionDays: 30 },
      signing: { p12File: undefined, password: undefined },
      webDir: undefined,
    })
  })

  test('reads where people reach the web app, for the links in notifications', () => {
    assert.equal(readConfig({ PUBLIC_URL: 'https://sla.example.com/' }).publicUrl, 'https://sla.example.com')
    assert.equal(readConfig({ HOST: '::1', PORT: '8080' }).publicUrl, 'http://[::1]:8080')
    assert.throws(
      () => readConfig({ PUBLIC_URL: 'sla.example.com' }),
      (error: unknown) => error instanceof AppError && error.issues[0]?.path[0] === 'PUBLIC_URL',
    )
  })

  test('reads the roles a process runs', () => {
    assert.deepEqual(readConfig({ UPHELD_ROLES: 'worker' }).roles, ['worker'])
    assert.deepEqual(readConfig({ UPHELD_ROLES: ' worker , api,worker' }).roles, ['worker', 'api'])
    assert.throws(
      () => readConfig({ UPHELD_ROLES: 'api,cron' }),
      (error: unknown) => error instanceof AppError && error.issues[0]?.path[0] === 'UPHELD_ROLES',
    )
  })

  test('reads the environment', () => {
    const config = readConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@localhost/db',
      UPHELD_DATA_DIR: '/var/lib/upheld',
    })
    assert.equal(config.port, 8080)
    assert.equal(config.databaseUrl, 'postgres://u@localhost/db')
    assert.equal(config.dataDir, '/var/lib/upheld')
  })

  test('reports every bad variable at once', () => {
    assert.throws(
      () => readConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
      (error: unknown) => {
        assert.ok(error instanceof AppError)
        assert.deepEqual(
          error.issues.map((i) => i.path[0]),
          ['PORT', 'DATABASE_URL', 'LOG_LEVEL'],
        )
        return true
      },
    )
  })
})
