// Where an agreement stands in its lifecycle, and what the signed-in person may do about it:
// the edition's state and what it waits for, the acts (each refused one with its reason), the
// sections with their agreement and comments, the approvers and signatories, and the general
// discussion. Staff and the customer's own users see the same component; the server decides
// what each may do.
import { useRef } from 'react'
import { ErrorView, Loading } from '../../components/states.tsx'
import { Time } from '../../components/time.tsx'
import { ActsPanel } from './acts.tsx'
import { useActs, useLifecycle } from './agreement-data.ts'
import { Comments } from './comments.tsx'
import { ApproversAndSignatories, Editions } from './people.tsx'
import { SectionsTable } from './sections.tsx'
import { StateBadge } from './words.tsx'

export function AgreementLifecycle({ agreementId }: { agreementId: string }) {
  const lifecycle = useLifecycle(agreementId)
  const acts = useActs(agreementId)
  const commentBox = useRef<HTMLTextAreaElement>(null)
  if (lifecycle.isPending || acts.isPending) return <Loading what="the lifecycle" />
  if (lifecycle.isError || acts.isError)
    return (
      <ErrorView
        error={lifecycle.error ?? acts.error}
        retry={() => {
          lifecycle.refetch()
          acts.refetch()
        }}
      />
    )
  const current = lifecycle.data.current
  const comment = acts.data.acts.find((a) => a.act === 'comment')
  const focusComment = () => {
    commentBox.current?.scrollIntoView({ block: 'center' })
    commentBox.current?.focus()
  }
  return (
    <div className="ag-lifecycle">
      {current ? (
        <section className="card ag-standing" aria-labelledby="standing-title">
          <h2 id="standing-title" className="ag-standing-title">
            Edition {current.edition} <StateBadge state={current.state} />
          </h2>
          <p className="muted small">
            Revision {current.revision} · since <Time at={current.since} /> · content{' '}
            <code title={current.content_hash}>{current.content_hash.slice(0, 12)}</code>
            {current.version !== null && ` · version ${current.version}`}
            {current.effective_at && (
              <>
                {' '}
                · effective <Time at={current.effective_at} />
              </>
            )}
            {current.review_due && ` · review due ${current.review_due}`}
          </p>
          {current.awaiting.length > 0 && (
            <>
              <h3>Waiting for</h3>
              <ul className="ag-awaiting">
                {current.awaiting.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : (
        <div className="alert info">
          <p>
            This agreement has no lifecycle yet: it was stored as a version directly. Saving a draft revision
            starts one, with its negotiation, approvals and signatures.
          </p>
        </div>
      )}
      <ActsPanel id={agreementId} acts={acts.data} current={current} onComment={focusComment} />
      {current && (
        <>
          <SectionsTable id={agreementId} current={current} lifecycle={lifecycle.data} acts={acts.data} />
          <ApproversAndSignatories lifecycle={lifecycle.data} current={current} />
        </>
      )}
      <section aria-labelledby="discussion-title">
        <h2 id="discussion-title">Discussion</h2>
        <Comments
          id={agreementId}
          comments={lifecycle.data.comments}
          section={null}
          canComment={comment?.allowed ?? false}
          refusal={comment?.reason}
          inputRef={commentBox}
        />
      </section>
      <Editions lifecycle={lifecycle.data} />
    </div>
  )
}
