// Comments on an agreement, threaded: a comment and its replies (replies to replies join the
// same thread), each with who wrote it and when, and a form to add one or to answer.
import { type FormEvent, type Ref, useId, useState } from 'react'
import { Time } from '../../components/time.tsx'
import { type LifecycleComment, useAct } from './agreement-data.ts'

type Thread = { root: LifecycleComment; replies: LifecycleComment[] }

export function threadsOf(comments: readonly LifecycleComment[], section: string | null): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]))
  const rootOf = (c: LifecycleComment): LifecycleComment => {
    let at = c
    for (let parent = byId.get(at.reply_to ?? -1); parent; parent = byId.get(at.reply_to ?? -1)) at = parent
    return at
  }
  const threads = new Map<number, Thread>()
  for (const c of comments) {
    const root = rootOf(c)
    if (root.section !== section) continue
    const thread = threads.get(root.id) ?? { root, replies: [] }
    if (c.id !== root.id) thread.replies.push(c)
    threads.set(root.id, thread)
  }
  return [...threads.values()]
}

export function Comments({
  id,
  comments,
  section,
  canComment,
  refusal,
  inputRef,
}: {
  id: string
  comments: readonly LifecycleComment[]
  section: string | null
  canComment: boolean
  refusal?: string | null
  inputRef?: Ref<HTMLTextAreaElement>
}) {
  const threads = threadsOf(comments, section)
  return (
    <div className="ag-comments">
      {threads.length === 0 ? (
        <p className="muted">No comments {section ? 'on this section' : 'yet'}.</p>
      ) : (
        <ol className="ag-threads">
          {threads.map((t) => (
            <li key={t.root.id}>
              <CommentItem comment={t.root} />
              {t.replies.length > 0 && (
                <ol className="ag-replies">
                  {t.replies.map((r) => (
                    <li key={r.id}>
                      <CommentItem comment={r} />
                    </li>
                  ))}
                </ol>
              )}
              {canComment && <ReplyForm id={id} section={section} to={t.root} />}
            </li>
          ))}
        </ol>
      )}
      {canComment ? (
        <CommentForm id={id} section={section} inputRef={inputRef} />
      ) : (
        refusal && <p className="muted small">You cannot comment now: {refusal}</p>
      )}
    </div>
  )
}

function CommentItem({ comment }: { comment: LifecycleComment }) {
  const who = comment.author.name ?? comment.author.user
  return (
    <article className="ag-comment" aria-label={`Comment by ${who}`}>
      <p className="ag-comment-meta small">
        <strong>{who}</strong> <span className="muted">({comment.author.organisation})</span> ·{' '}
        <Time at={comment.at} /> · <span className="muted">revision {comment.revision}</span>
      </p>
      <p className="ag-comment-body">{comment.body}</p>
    </article>
  )
}

function CommentForm({
  id,
  section,
  replyTo,
  inputRef,
  onDone,
}: {
  id: string
  section: string | null
  replyTo?: LifecycleComment
  inputRef?: Ref<HTMLTextAreaElement>
  onDone?(): void
}) {
  const field = useId()
  const [body, setBody] = useState('')
  const act = useAct(id)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const where = replyTo ? { reply_to: replyTo.id } : section ? { section } : {}
    await act.mutateAsync({ path: 'comments', body: { body, ...where } }).then(
      () => {
        setBody('')
        onDone?.()
      },
      () => undefined,
    )
  }
  const label = replyTo
    ? `Reply to ${replyTo.author.name ?? replyTo.author.user}`
    : section
      ? 'Comment on this section'
      : 'Add a comment'
  return (
    <form className="ag-comment-form" onSubmit={submit}>
      <label htmlFor={field}>{label}</label>
      <textarea id={field} ref={inputRef} value={body} onChange={(e) => setBody(e.target.value)} required />
      {act.isError && (
        <p className="field-error" role="alert">
          {act.error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={act.isPending || body.trim() === ''}>
          {act.isPending ? 'Sending…' : replyTo ? 'Reply' : 'Comment'}
        </button>
        {onDone && (
          <button type="button" className="link-button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}

function ReplyForm({ id, section, to }: { id: string; section: string | null; to: LifecycleComment }) {
  const [open, setOpen] = useState(false)
  if (!open)
    return (
      <button type="button" className="link-button small" onClick={() => setOpen(true)}>
        Reply
      </button>
    )
  return <CommentForm id={id} section={section} replyTo={to} onDone={() => setOpen(false)} />
}
