// "Our agreement": the agreement in force as the customer needs it day to day (who to turn to,
// the escalation path, support hours, what each severity promises) and then the whole
// document, rendered by the server, with its PDF to download.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { download } from '../../api.ts'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { useNow } from '../../components/time.tsx'
import { type PlanAgreement, severitiesOf, targetsOf } from './plan.ts'
import { usePlan } from './portal-data.ts'
import { EscalationSteps, ReferralList } from './referral.tsx'
import { SupportHours } from './support-hours.tsx'
import { TargetList } from './targets.tsx'
import { dateWords, plainText } from './words.ts'

const KIND_WORDS: Record<string, string> = {
  ServiceLevelAgreement: 'Service level agreement',
  SupportPlan: 'Support plan',
}

export function OurAgreement() {
  const plan = usePlan()
  const [params, setParams] = useSearchParams()
  const agreements = plan.data?.agreements ?? []
  const current = agreements.find((a) => a.id === params.get('agreement')) ?? agreements[0]
  return (
    <Page title="Our agreement">
      <div className="portal">
        {plan.isPending ? (
          <Loading what="your agreement" />
        ) : plan.isError ? (
          <ErrorView error={plan.error} retry={() => plan.refetch()} />
        ) : !current ? (
          <Empty title="No agreement in force">
            <p>
              Your organisation has no agreement in force today. When your provider puts one in force it
              appears here, with who to call and how fast they must answer. Until then, contact them as you
              usually do.
            </p>
          </Empty>
        ) : (
          <>
            {agreements.length > 1 && (
              <nav aria-label="Agreements in force">
                <ul className="tabs">
                  {agreements.map((a) => (
                    <li key={a.id}>
                      <a
                        href={`?agreement=${encodeURIComponent(a.id)}`}
                        aria-current={a.id === current.id ? 'page' : undefined}
                        onClick={(e) => {
                          e.preventDefault()
                          setParams({ agreement: a.id })
                        }}
                      >
                        {a.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <AgreementView agreement={current} />
          </>
        )}
      </div>
    </Page>
  )
}

function AgreementView({ agreement }: { agreement: PlanAgreement }) {
  const now = useNow(60_000)
  const spec = agreement.agreement.spec
  const provider = spec.parties.provider.name
  return (
    <>
      <Summary agreement={agreement} />
      <div className="portal-two">
        <section className="card" aria-labelledby="referral-title">
          <h2 id="referral-title">Who to contact about a problem</h2>
          <p className="hint">Start at the first level; the next ones are there when it is not enough.</p>
          <ReferralList agreement={agreement} now={now} />
        </section>
        <section className="card" aria-labelledby="hours-title">
          <h2 id="hours-title">Support hours</h2>
          <SupportHours agreement={agreement} now={now} />
        </section>
      </div>
      <section className="card" aria-labelledby="escalation-title">
        <h2 id="escalation-title">Escalation path</h2>
        <p className="hint">
          When a ticket is not resolved in time, {provider} escalates it: each level is told when the clock
          has used the share of its target shown. Times count only the hours the target runs on.
        </p>
        <EscalationSteps agreement={agreement} />
      </section>
      <section className="card" aria-labelledby="severity-title">
        <h2 id="severity-title">Severities and what they promise</h2>
        <ul className="portal-severity-summary">
          {severitiesOf(agreement).map((s) => (
            <li key={s.id}>
              <h3>
                {s.id} · {s.name}
              </h3>
              <div>
                <p>{plainText(s.definition)}</p>
                {s.examples && s.examples.length > 0 && (
                  <p className="muted small">For example: {s.examples.join('; ')}.</p>
                )}
                <TargetList targets={targetsOf(agreement, s.id)} className="small" />
              </div>
            </li>
          ))}
        </ul>
      </section>
      <Document agreement={agreement} />
    </>
  )
}

function Summary({ agreement }: { agreement: PlanAgreement }) {
  const spec = agreement.agreement.spec
  const meta = agreement.agreement.metadata
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const base = `/api/agreements/${encodeURIComponent(agreement.id)}/versions/${agreement.version}/document`
  async function pdf() {
    setBusy(true)
    setError(null)
    try {
      await download(`${base}?format=pdf`, `${agreement.id}-v${agreement.version}.pdf`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card portal-agreement-summary" aria-labelledby="summary-title">
      <div>
        <p className="muted small">
          {KIND_WORDS[agreement.kind] ?? agreement.kind}
          {meta.number ? ` · ${meta.number}` : ''} · version {agreement.version}
        </p>
        <h2 id="summary-title">{agreement.title}</h2>
        <p>
          Between <strong>{spec.parties.provider.name}</strong> and{' '}
          <strong>{spec.parties.customer.name}</strong>
          {spec.term ? (
            <>
              , from {dateWords(spec.term.effectiveFrom)}
              {spec.term.effectiveTo ? ` to ${dateWords(spec.term.effectiveTo)}` : ''}
            </>
          ) : null}
          . This version is in force since{' '}
          {dateWords(new Date(agreement.effectiveFrom).toISOString().slice(0, 10))}.
        </p>
      </div>
      <div className="portal-summary-actions">
        <button type="button" className="primary" onClick={pdf} disabled={busy}>
          {busy ? 'Preparing the PDF…' : 'Download the PDF'}
        </button>
        <a href={base} target="_blank" rel="noreferrer">
          Open the document in a new tab
        </a>
      </div>
      {error !== null && <ErrorView error={error} />}
    </section>
  )
}

/**
 * The rendered agreement, behind a disclosure: it is long, and the sections above are what a
 * customer needs day to day. Open, its frame is as tall as the document, so the page scrolls once.
 */
function Document({ agreement }: { agreement: PlanAgreement }) {
  const frame = useRef<HTMLIFrameElement>(null)
  const [open, setOpen] = useState(false)
  const [height, setHeight] = useState<number | null>(null)
  const fit = useCallback(() => {
    const doc = frame.current?.contentDocument
    if (doc?.documentElement) setHeight(doc.documentElement.scrollHeight)
  }, [])
  useEffect(() => {
    window.addEventListener('resize', fit)
    return () => window.removeEventListener('resize', fit)
  }, [fit])
  const src = `/api/agreements/${encodeURIComponent(agreement.id)}/versions/${agreement.version}/document`
  return (
    <section className="card portal-document" aria-labelledby="document-title">
      <h2 id="document-title">The full agreement</h2>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Read the whole document here</summary>
        {open && (
          // Same origin so that its height can be read; no script may run in it.
          <iframe
            ref={frame}
            title={`${agreement.title}, version ${agreement.version}`}
            src={src}
            sandbox="allow-same-origin allow-popups"
            onLoad={fit}
            style={height ? { height } : undefined}
          />
        )}
      </details>
    </section>
  )
}
