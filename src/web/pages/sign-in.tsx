// Sign in with email and password. The server sets an HTTP-only session cookie; a refusal
// (wrong password, too many attempts) is shown as the server words it.
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { sentence } from '../components/states.tsx'
import { useSession } from '../session.tsx'

/** Only a path of this app: never another site named in the address. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/'
}

export function SignIn() {
  const { user, signIn } = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const email = useRef<HTMLInputElement>(null)
  useEffect(() => {
    document.title = 'Sign in · Upheld'
  }, [])
  if (user) return <Navigate to={safeNext(params.get('next'))} replace />

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setBusy(true)
    setError(null)
    try {
      await signIn(String(form.get('email')), String(form.get('password')))
      navigate(safeNext(params.get('next')), { replace: true })
    } catch (e) {
      setError(sentence((e as Error).message))
      email.current?.focus()
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title" className="card">
        <h1 id="sign-in-title">
          <img src="/favicon.svg" alt="" width="28" height="28" /> Sign in to Upheld
        </h1>
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required ref={email} />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          No account yet? Your provider's administrator creates one; the first administrator's password is
          printed when Upheld first starts.
        </p>
      </form>
    </main>
  )
}
