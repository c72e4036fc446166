// Report a problem, ask for assistance or request a feature. The form explains the agreement's
// severities in plain words, proposes one from three plain questions, and shows when the first
// response and the resolution would fall due if the report were sent now; the ticket's clocks
// start the moment it is sent.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useMemo, useRef, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import type { z } from 'zod'
import type { TicketDetailSchema } from '../../../api/schemas/tickets.ts'
import { ApiError, post } from '../../api.ts'
import { Page } from '../../components/page.tsx'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import { useNow } from '../../components/time.tsx'
import { useUser } from '../../session.tsx'
import {
  agreementFor,
  coversAnyService,
  type PlanAgreement,
  portalChannel,
  previewTicket,
  servicesOf,
  severitiesOf,
  targetsOf,
} from './plan.ts'
import { usePlan } from './portal-data.ts'
import { CallCard } from './referral.tsx'
import { DueList, Field, KindChoice, kindOf, sendLabel, severityName } from './report-parts.tsx'
import { SeverityChoice } from './severity-choice.tsx'
import { type Answers, proposeSeverity, type RequestKind } from './severity-proposal.ts'
import { UrgencyQuestions } from './urgency-questions.tsx'

type TicketDetail = z.infer<typeof TicketDetailSchema>

const DESCRIPTION_HINTS: Record<RequestKind, string> = {
  problem:
    'What happened, when it started, who is affected and what you have tried. Paste error messages as they appear.',
  assistance: 'What you are trying to do and where you are stuck.',
  feature: 'What you would like to do, and why it matters to you.',
}
const REQUEST_TYPE = {
  problem: 'incident',
  assistance: 'service-request',
  feature: 'feature-request',
} as const

/** What the ticket page may show on arrival: the ticket just raised and its response due time. */
export type RaisedState = { raised: { id: string; severity: string; responseDue: string | null } }

export function ReportProblem() {
  const plan = usePlan()
  return (
    <Page title="Report a problem">
      <div className="portal">
        {plan.isPending ? (
          <Loading what="your agreement" />
        ) : plan.isError ? (
          <ErrorView error={plan.error} retry={() => plan.refetch()} />
        ) : plan.data.agreements.length === 0 ? (
          <Empty title="Your organisation has no agreement in force">
            <p>
              A report is measured against the agreement in force, and there is none today. Contact your
              provider as you usually do, and ask them to put your agreement in force in Upheld.
            </p>
          </Empty>
        ) : (
          <ReportForm agreements={plan.data.agreements} customer={plan.data.customer} />
        )}
      </div>
    </Page>
  )
}

type Errors = Partial<Record<'service' | 'subject' | 'description' | 'severity', string>>

function ReportForm({ agreements, customer }: { agreements: PlanAgreement[]; customer: string }) {
  const user = useUser()
  const navigate = useNavigate()
  const client = useQueryClient()
  const [params] = useSearchParams()
  const initialKind = kindOf(params.get('kind')) ?? 'problem'
  const services = servicesOf(agreements)
  const serviceRequired = !coversAnyService(agreements)
  const [kind, setKind] = useState<RequestKind>(initialKind)
  const [service, setService] = useState(services.length === 1 ? services[0]!.id : '')
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const [answers, setAnswers] = useState<Answers>({})
  const [picked, setPicked] = useState<string | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const alertRef = useRef<HTMLDivElement>(null)
  // Due times move with the clock; a minute is fine enough for "by 10:30".
  const now = useNow(30_000)

  const agreement = agreementFor(agreements, service || undefined) ?? agreements[0]!
  const severities = severitiesOf(agreement)
  const proposal = proposeSeverity(severities, kind, answers)
  const chosen = severities.some((s) => s.id === picked) ? picked : (proposal?.severity ?? null)
  const channel = portalChannel(agreement)?.id ?? 'portal'

  const minute = Math.floor(now / 60_000) * 60_000
  const previews = useMemo(
    () =>
      new Map(
        severitiesOf(agreement).map((s) => [
          s.id,
          previewTicket(
            agreements,
            { customer, service: service || undefined, severity: s.id, requester: user.email, channel },
            minute,
          ),
        ]),
      ),
    [agreements, agreement, customer, service, user.email, channel, minute],
  )

  const send = useMutation({
    mutationFn: (body: Record<string, unknown>) => post<TicketDetail>('/api/tickets', body),
    onSuccess: async (ticket) => {
      await client.invalidateQueries({ queryKey: ['portal', 'open-tickets'] })
      const response = ticket.clocks.find((c) => c.metric === 'first_response')
      const state: RaisedState = {
        raised: { id: ticket.id, severity: ticket.severity, responseDue: response?.due ?? null },
      }
      navigate(`/tickets/${encodeURIComponent(ticket.id)}`, { state })
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const fields: Errors = {}
        for (const d of error.details) {
          const field = d.path[0]
          if (field === 'service' || field === 'subject' || field === 'description' || field === 'severity')
            fields[field] = d.message
        }
        setErrors(fields)
      }
      alertRef.current?.focus()
    },
  })

  function submit(event: FormEvent) {
    event.preventDefault()
    const found: Errors = {}
    if (serviceRequired && !service) found.service = 'Choose the service this is about.'
    if (subject.trim() === '') found.subject = 'Write a short summary, so it can be told apart from others.'
    if (!chosen) found.severity = 'Choose a severity, or answer the questions above for a suggestion.'
    setErrors(found)
    const first = Object.keys(found)[0]
    if (first) {
      document.getElementById(first === 'severity' ? 'severity-first' : first)?.focus()
      return
    }
    send.mutate({
      ...(service ? { service } : {}),
      severity: chosen,
      subject: subject.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      request_type: REQUEST_TYPE[kind],
      channel,
    })
  }

  const chosenPreview = chosen ? previews.get(chosen) : null
  const due = new Map((chosenPreview?.due ?? []).map((d) => [d.metric, d.at]))
  const raisedTo = chosenPreview && chosenPreview.severity !== chosen ? chosenPreview.severity : null
  const raisedName = severities.find((s) => s.id === raisedTo)?.name

  return (
    <form className="portal-report" onSubmit={submit} noValidate aria-describedby="report-intro">
      <div className="portal-report-main">
        <p id="report-intro" className="portal-lead">
          Tell us what is wrong or what you need. The severity decides how fast{' '}
          {agreement.agreement.spec.parties.provider.name} must answer under <em>{agreement.title}</em>; its
          clocks start the moment you send this.
        </p>
        {send.isError && (
          <div ref={alertRef} tabIndex={-1}>
            <ErrorView error={send.error} />
          </div>
        )}
        <KindChoice kind={kind} onChange={setKind} />

        <div className="card">
          <Field id="service" label="Service" error={errors.service}>
            <select
              id="service"
              value={service}
              onChange={(e) => setService(e.target.value)}
              aria-invalid={errors.service ? true : undefined}
              aria-describedby={errors.service ? 'service-error' : undefined}
              required={serviceRequired}
            >
              <option value="">
                {serviceRequired ? 'Choose a service…' : 'Not sure, or another service'}
              </option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="subject"
            label="Subject"
            hint="A short summary, such as “The portal shows an error after signing in”."
            error={errors.subject}
          >
            <input
              id="subject"
              value={subject}
              maxLength={200}
              onChange={(e) => setSubject(e.target.value)}
              aria-invalid={errors.subject ? true : undefined}
              aria-describedby={`subject-hint${errors.subject ? ' subject-error' : ''}`}
              required
            />
          </Field>
          <Field
            id="description"
            label="Description"
            hint={DESCRIPTION_HINTS[kind]}
            error={errors.description}
          >
            <textarea
              id="description"
              rows={6}
              value={description}
              maxLength={20_000}
              onChange={(e) => setDescription(e.target.value)}
              aria-describedby="description-hint"
            />
          </Field>
        </div>

        {kind === 'problem' && (
          <UrgencyQuestions
            answers={answers}
            onChange={setAnswers}
            serviceName={services.find((s) => s.id === service)?.name}
          />
        )}

        <SeverityChoice
          agreement={agreement}
          severities={severities}
          proposal={proposal}
          chosen={chosen}
          picked={picked}
          onPick={setPicked}
          previews={previews}
          error={errors.severity}
        />
      </div>

      <aside className="portal-report-aside" aria-label="When you send it">
        <div className="card portal-summary">
          <h2>When you send it</h2>
          {chosen ? (
            <>
              <p>
                Your ticket is raised as{' '}
                <strong>{severityName(severities, chosenPreview?.severity ?? chosen)}</strong> and its clocks
                start at once.
              </p>
              {raisedTo && (
                <p className="alert info">
                  You are named as a priority contact in the agreement, so it is handled as {raisedTo}
                  {raisedName ? ` ${raisedName}` : ''}.
                </p>
              )}
              <DueList
                targets={targetsOf(agreement, chosenPreview?.severity ?? chosen)}
                due={chosenPreview ? due : null}
              />
              {!chosenPreview && (
                <p className="muted small">
                  Choose the service it is about to see when each target falls due.
                </p>
              )}
            </>
          ) : (
            <p className="muted">
              Choose a severity, or answer the questions, and this shows when you can expect a first response
              and a resolution.
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary portal-send" disabled={send.isPending}>
              {send.isPending ? 'Sending…' : sendLabel(kind)}
            </button>
          </div>
        </div>
        <CallCard agreement={agreement} now={now} compact />
      </aside>
    </form>
  )
}
