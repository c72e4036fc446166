// The only reader of process.env: one schema, every bad variable reported at once.
import { z } from 'zod'
import { AppError } from './domain/app-error.ts'

/** What a process runs: the HTTP API and web app, the timer worker, or both (the default). */
export const ROLES = ['api', 'worker'] as const

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  UPHELD_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  UPHELD_ROLES: z
    .string()
    .default('api,worker')
    .transform((v) => v.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(ROLES), 'each role must be api or worker').min(1)),
  UPHELD_WORKER_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
  UPHELD_WORKER_BATCH: z.coerce.number().int().min(1).max(10_000).default(100),
  UPHELD_PROBE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  UPHELD_SIGNING_P12: z.string().min(1).optional(),
  UPHELD_SIGNING_P12_PASSWORD: z.string().optional(),
  UPHELD_WEB_DIR: z.string().min(1).optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, e.g. https://sla.example.com' })
    .optional(),
})

export type Role = (typeof ROLES)[number]

export type Config = {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  logLevel: 'debug' | 'info' | 'warn' | 'error'
  roles: Role[]
  worker: { pollMs: number; batchSize: number }
  /** Where people reach the web app: the links in notifications. */
  publicUrl: string
  /** How many days raw probe results are kept (the status intervals are kept for good). */
  probes: { retentionDays: number }
  /** A PKCS#12 file (and its password) to seal distributed PDFs with; none: not sealed. */
  signing: { p12File: string | undefined; password: string | undefined }
  /** The built web app to serve at `/`; unset: the one built beside the package (dist/web). */
  webDir: string | undefined
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  )
  const parsed = ConfigSchema.safeParse(known)
  if (!parsed.success) {
    throw new AppError(
      'invalid_input',
      'invalid configuration',
      parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    )
  }
  const c = parsed.data
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.UPHELD_DATA_DIR,
    logLevel: c.LOG_LEVEL,
    roles: [...new Set(c.UPHELD_ROLES)],
    worker: { pollMs: c.UPHELD_WORKER_POLL_MS, batchSize: c.UPHELD_WORKER_BATCH },
    probes: { retentionDays: c.UPHELD_PROBE_RETENTION_DAYS },
    signing: { p12File: c.UPHELD_SIGNING_P12, password: c.UPHELD_SIGNING_P12_PASSWORD },
    webDir: c.UPHELD_WEB_DIR,
    publicUrl: (c.PUBLIC_URL ?? `http://${c.HOST.includes(':') ? `[${c.HOST}]` : c.HOST}:${c.PORT}`).replace(
      /\/+$/,
      '',
    ),
  }
}
