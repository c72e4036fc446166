// The web app: the files Vite built, served at `/`. Hashed assets are cached for good; every
// other page a browser asks for gets index.html, and the app's router takes it from there.
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Context } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Paths that belong to the server, never to the app's router. */
const SERVER_PATHS = /^\/(api|status|metrics)(\/|$)/

export type WebApp = {
  /** The app's page, for `/` and any path the router owns. */
  index(): string
  /** A built file (`/assets/…`, `/favicon.svg`), or null when there is none. */
  file(path: string): Promise<{ body: Uint8Array; type: string; immutable: boolean } | null>
}

/** The built app in `dir`, or null when it has not been built there. */
export function openWebApp(dir: string): WebApp | null {
  const indexFile = join(dir, 'index.html')
  if (!existsSync(indexFile)) return null
  const index = readFileSync(indexFile, 'utf8')
  const root = normalize(dir) + sep
  return {
    index: () => index,
    async file(path) {
      const full = normalize(join(dir, decodeURIComponent(path)))
      if (!full.startsWith(root) || full === join(dir, 'index.html')) return null
      const type = TYPES[extname(full)]
      if (type === undefined) return null
      try {
        return { body: await readFile(full), type, immutable: path.startsWith('/assets/') }
      } catch {
        return null
      }
    },
  }
}

/** Answers a GET the API has no route for: a built file, or the app's page for the router. */
export async function serveWebApp(web: WebApp, c: Context): Promise<Response | null> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return null
  if (SERVER_PATHS.test(c.req.path)) return null
  const file = await web.file(c.req.path)
  if (file) {
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.type,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
  }
  if (/\.[a-z0-9]+$/i.test(c.req.path)) return null
  return page(c, web)
}

export function page(c: Context, web: WebApp): Response {
  return c.html(web.index(), 200, {
    'Cache-Control': 'no-cache',
    'Content-Security-Policy':
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  })
}
