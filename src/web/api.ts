// The one way the web app reaches the server: fetch with the session cookie, the CSRF token on
// every change, and one error type whose message and details come from the API's error body.
import type { Issue } from '../domain/issues.ts'

/** A refusal or failure from the API: its status, code, message and the issues it named. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Issue[]
  constructor(status: number, code: string, message: string, details: Issue[] = []) {
    super(message)
    this.status = status
    this.code = code
    this.details = details
  }
}

let csrfToken: string | null = null
/** The session's CSRF token, sent as X-CSRF-Token with every request that changes something. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

let onUnauthorized: () => void = () => {}
/** What to do when the session has ended (the sign-in page, usually). */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler
}

type Options = { body?: unknown; text?: string; type?: string; signal?: AbortSignal }

export async function request(method: string, path: string, options: Options = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken
  let body: string | undefined
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] = 'application/json'
  } else if (options.text !== undefined) {
    body = options.text
    headers['content-type'] = options.type ?? 'text/plain'
  }
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, 'network', 'Upheld did not answer: check your connection and try again.')
  }
  if (response.ok) return response
  const problem = await response.json().catch(() => undefined)
  const error = problem?.error
  if (response.status === 401 && path !== '/api/session') onUnauthorized()
  throw new ApiError(
    response.status,
    error?.code ?? 'http',
    error?.message ?? `the server answered ${response.status} ${response.statusText}`,
    error?.details ?? [],
  )
}

export async function api<T>(method: string, path: string, options: Options = {}): Promise<T> {
  const response = await request(method, path, options)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

export const get = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, { signal })
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, { body: body ?? {} })
export const del = <T>(path: string) => api<T>('DELETE', path)

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** Saves a response as a file, named by the server's Content-Disposition when it gives one. */
export async function download(path: string, fallbackName: string): Promise<string> {
  const response = await request('GET', path)
  const disposition = response.headers.get('content-disposition') ?? ''
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}
