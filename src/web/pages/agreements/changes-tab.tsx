// What changed between two revisions or signed versions: field by field, list items matched
// by their ids (a reordering is a move), prose word by word. The comparison is the domain's,
// run here on the two stored documents.
import { useMemo } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { countChanges, summarizeValue } from '../../../domain/diff/describe-change.ts'
import { type Change, diffDocuments } from '../../../domain/diff/diff-documents.ts'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import {
  type DocRef,
  docRefKey,
  parseDocRef,
  useAgreement,
  useDocument,
  useLifecycle,
} from './agreement-data.ts'
import { sectionName } from './words.tsx'

const nameOf = (ref: DocRef) => `${ref.kind === 'revision' ? 'Revision' : 'Version'} ${ref.number}`

export function ChangesTab() {
  const id = useParams().id!
  const agreement = useAgreement(id)
  const lifecycle = useLifecycle(id)
  const [params, setParams] = useSearchParams()
  const versions = (agreement.data?.versions ?? []).map((v) => v.version)
  const revisions = Math.max(0, ...(lifecycle.data?.editions ?? []).map((e) => e.revision))
  const options: DocRef[] = [
    ...Array.from({ length: revisions }, (_, i): DocRef => ({ kind: 'revision', number: revisions - i })),
    ...[...versions].reverse().map((n): DocRef => ({ kind: 'version', number: n })),
  ]
  const defaults: [DocRef, DocRef] | undefined =
    revisions >= 2
      ? [
          { kind: 'revision', number: revisions - 1 },
          { kind: 'revision', number: revisions },
        ]
      : versions.length >= 2
        ? [
            { kind: 'version', number: versions.at(-2)! },
            { kind: 'version', number: versions.at(-1)! },
          ]
        : undefined
  const from = parseDocRef(params.get('from')) ?? defaults?.[0]
  const to = parseDocRef(params.get('to')) ?? defaults?.[1]
  const ready = agreement.isSuccess && lifecycle.isSuccess
  const before = useDocument(id, ready ? from : undefined)
  const after = useDocument(id, ready ? to : undefined)
  const changes = useMemo(
    () => (before.data && after.data ? diffDocuments(before.data, after.data) : undefined),
    [before.data, after.data],
  )
  if (!ready) {
    if (agreement.isError || lifecycle.isError)
      return <ErrorView error={agreement.error ?? lifecycle.error} />
    return <Loading what="the revisions" />
  }
  if (!from || !to)
    return (
      <Empty title="Nothing to compare yet">
        <p>
          There is one revision so far. Each edit saves a new one; come back here to see what changed between
          any two revisions or signed versions.
        </p>
      </Empty>
    )
  const pick = (which: 'from' | 'to', value: string) => {
    const next = new URLSearchParams({ from: docRefKey(from), to: docRefKey(to) })
    next.set(which, value)
    setParams(next, { replace: true })
  }
  return (
    <div className="ag-changes">
      <div className="filters">
        {(['from', 'to'] as const).map((which) => (
          <div key={which}>
            <label htmlFor={`diff-${which}`}>{which === 'from' ? 'From' : 'To'}</label>
            <select
              id={`diff-${which}`}
              value={docRefKey(which === 'from' ? from : to)}
              onChange={(e) => pick(which, e.target.value)}
            >
              {options.map((o) => (
                <option key={docRefKey(o)} value={docRefKey(o)}>
                  {nameOf(o)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {before.isError || after.isError ? (
        <ErrorView error={before.error ?? after.error} />
      ) : !changes ? (
        <Loading what="the two documents" />
      ) : (
        <ChangeList changes={changes} from={from} to={to} />
      )}
    </div>
  )
}

function sectionOf(path: string): string {
  const m = /^spec\.([A-Za-z]+)/.exec(path)
  return m ? m[1]! : 'metadata'
}

function ChangeList({ changes, from, to }: { changes: Change[]; from: DocRef; to: DocRef }) {
  const sections = [...new Set(changes.map((c) => sectionOf(c.path)))]
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title" aria-live="polite">
        {nameOf(from)} → {nameOf(to)}: {countChanges(changes)}
      </h2>
      {sections.map((section) => (
        <div key={section} className="card ag-change-group">
          <h3>{sectionName(section)}</h3>
          <ul className="ag-change-list">
            {changes
              .filter((c) => sectionOf(c.path) === section)
              .map((c) => (
                <li key={`${c.kind}:${c.path}`}>
                  <span className={`badge ${TONE[c.kind]}`}>{c.kind}</span> <code>{c.path}</code>
                  <div className="ag-change-what">
                    <What change={c} />
                  </div>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

const TONE: Record<Change['kind'], string> = {
  added: 'ok',
  removed: 'bad',
  changed: 'warn',
  moved: 'neutral',
}

function What({ change }: { change: Change }) {
  switch (change.kind) {
    case 'added':
      return <ins>{summarizeValue(change.after, 400)}</ins>
    case 'removed':
      return <del>{summarizeValue(change.before, 400)}</del>
    case 'moved':
      return (
        <span>
          from position {Number(change.before) + 1} to {Number(change.after) + 1}
        </span>
      )
    case 'changed':
      if (change.words)
        return (
          <span className="ag-words">
            {change.words.map((w, i) =>
              w.op === 'added' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
                <ins key={i}>{w.text}</ins>
              ) : w.op === 'removed' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
                <del key={i}>{w.text}</del>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
                <span key={i}>{w.text}</span>
              ),
            )}
          </span>
        )
      return (
        <span>
          <del>{summarizeValue(change.before, 200)}</del> → <ins>{summarizeValue(change.after, 200)}</ins>
        </span>
      )
  }
}
