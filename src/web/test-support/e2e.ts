// End-to-end tests of the web app: the app built by Vite (once per content of its sources,
// cached in the temporary directory), the real server (startServer) on a fresh database, and
// Debian's Chromium driven by playwright-core. Screenshots go to tmp/screenshots/ for people
// to look at.
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { readConfig } from '../../config.ts'
import { type Running, startServer } from '../../main.ts'
import { createTestDb, type TestDb } from '../../storage/test-support/test-db.ts'

export const CHROMIUM = '/usr/bin/chromium'
/** A reason to skip when this machine has no Chromium (CI installs it). */
export const NO_CHROMIUM = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) to run this test`

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const SCREENSHOTS = join(ROOT, 'tmp', 'screenshots')
/** What the built app depends on: a change to any of these builds it again. */
const INPUTS = ['src/web', 'src/domain', 'src/api/schemas', 'vite.config.ts', 'package-lock.json']

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path)
    .sort()
    .flatMap((name) =>
      name === 'test-support' || /\.test\.tsx?$/.test(name) ? [] : filesUnder(join(path, name)),
    )
}

/** The web app built from the current sources; built once per content and reused. */
export async function builtWebApp(): Promise<string> {
  const hash = createHash('sha256')
  for (const input of INPUTS) {
    for (const file of filesUnder(join(ROOT, input))) {
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0')
    }
  }
  const dir = join(tmpdir(), `upheld-web-${hash.digest('hex').slice(0, 16)}`)
  if (existsSync(join(dir, 'index.html'))) return dir
  // Built beside, then renamed: test files building at once never see half a build.
  const building = mkdtempSync(`${dir}-building-`)
  const { build } = await import('vite')
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: building, emptyOutDir: true },
  })
  try {
    renameSync(building, dir)
  } catch {
    rmSync(building, { recursive: true, force: true })
  }
  return dir
}

export type TestApp = {
  url: string
  running: Running
  /** The first admin's API token, for seeding through the API. */
  adminToken: string
  /** The first admin's email and password, for signing in. */
  admin: { email: string; password: string }
  /** Calls the API as the first admin (or with `token`). */
  // biome-ignore lint/suspicious/noExplicitAny: replies are JSON, read loosely by the tests
  api(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>
  close(): Promise<void>
}

/**
 * Upheld on a fresh database (PGlite, or a new database on UPHELD_TEST_DATABASE_URL) serving the
 * built app. `now` is the server's clock; `worker` also runs timers and notifications.
 */
export async function startTestApp(options: { now?: () => number; worker?: boolean } = {}): Promise<TestApp> {
  const webDir = await builtWebApp()
  const dir = mkdtempSync(join(tmpdir(), 'upheld-e2e-'))
  let database: TestDb | undefined
  if (process.env.UPHELD_TEST_DATABASE_URL) database = await createTestDb({ migrated: false })
  const config = readConfig({
    PORT: '0',
    UPHELD_ROLES: options.worker ? 'api,worker' : 'api',
    UPHELD_DATA_DIR: join(dir, 'data'),
    UPHELD_WEB_DIR: webDir,
    UPHELD_WORKER_POLL_MS: '200',
    DATABASE_URL: database?.url,
  })
  const running = await startServer(config, options.now)
  const first = running.firstStart
  if (!running.url || !first) throw new Error('the test server did not start fresh')
  const url = running.url
  const adminToken = first.token
  const password = (first as { password?: string }).password ?? ''
  return {
    url,
    running,
    adminToken,
    admin: { email: first.email, password },
    async api(method, path, body, token = adminToken) {
      const response = await fetch(url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined
            ? {}
            : { 'content-type': typeof body === 'string' ? 'application/yaml' : 'application/json' }),
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
      const text = await response.text()
      return {
        status: response.status,
        body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
      }
    },
    async close() {
      await running.close()
      await database?.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Adds a user who signs in with a password; returns the credentials. */
export async function addUser(
  app: TestApp,
  user: {
    email: string
    name: string
    role: 'admin' | 'agent' | 'customer'
    organisation: string
    password?: string
  },
): Promise<{ id: string; email: string; password: string }> {
  const password = user.password ?? 'correct horse battery staple'
  const created = await app.api('POST', '/api/users', { ...user, password })
  if (created.status !== 201) throw new Error(`could not add ${user.email}: ${JSON.stringify(created.body)}`)
  return { id: created.body.id, email: user.email, password }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM })
}

/** A browser context as a person on a laptop (or, with `phone`, on a phone) in `timezoneId`. */
export async function newContext(
  browser: Browser,
  options: { phone?: boolean; timezoneId?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    isMobile: options.phone ?? false,
    hasTouch: options.phone ?? false,
    timezoneId: options.timezoneId ?? 'Europe/London',
    locale: 'en-GB',
    acceptDownloads: true,
  })
}

/** Signs in through the sign-in page and waits for the first page after it. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}

/** Keeps a full-page screenshot at tmp/screenshots/<name>.png, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
