// The agreement as a document: the current revision (or any revision or signed version) as the
// server renders it, in a frame that runs nothing, with the PDF and Markdown to download.
import { useEffect, useRef, useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { download } from '../../api.ts'
import { Empty, ErrorView, Loading } from '../../components/states.tsx'
import {
  type DocRef,
  docPath,
  docRefKey,
  parseDocRef,
  useAgreement,
  useLifecycle,
  useRenderedDocument,
} from './agreement-data.ts'
import { stateLabel } from './words.tsx'

export function DocumentTab() {
  const id = useParams().id!
  const agreement = useAgreement(id)
  const lifecycle = useLifecycle(id)
  const [params, setParams] = useSearchParams()
  const current = lifecycle.data?.current
  const versions = agreement.data?.versions ?? []
  const revisions = Math.max(0, ...(lifecycle.data?.editions ?? []).map((e) => e.revision))
  const fallback: DocRef | undefined = current
    ? { kind: 'revision', number: current.revision }
    : versions.length > 0
      ? { kind: 'version', number: versions.at(-1)!.version }
      : undefined
  const shown = parseDocRef(params.get('show')) ?? fallback
  const html = useRenderedDocument(id, agreement.isSuccess && lifecycle.isSuccess ? shown : undefined)
  if (agreement.isPending || lifecycle.isPending) return <Loading what="the document" />
  if (agreement.isError || lifecycle.isError) return <ErrorView error={agreement.error ?? lifecycle.error} />
  if (!shown)
    return (
      <Empty title="Nothing to show yet">
        <p>This agreement has no revision and no version. Edit it to save a first draft.</p>
      </Empty>
    )
  const name = `${id}-${docRefKey(shown)}`
  const label = describe(shown, current?.revision, current ? stateLabel(current.state) : undefined)
  return (
    <div className="ag-document">
      <div className="filters">
        <div>
          <label htmlFor="doc-show">Show</label>
          <select
            id="doc-show"
            value={docRefKey(shown)}
            onChange={(e) => setParams({ show: e.target.value }, { replace: true })}
          >
            {revisions > 0 && (
              <optgroup label="Revisions (drafts)">
                {Array.from({ length: revisions }, (_, i) => revisions - i).map((n) => (
                  <option key={n} value={`r${n}`}>
                    {describe({ kind: 'revision', number: n }, current?.revision)}
                  </option>
                ))}
              </optgroup>
            )}
            {versions.length > 0 && (
              <optgroup label="Signed versions">
                {[...versions].reverse().map((v) => (
                  <option key={v.version} value={`v${v.version}`}>
                    Version {v.version}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div className="ag-downloads">
          <button
            type="button"
            onClick={() => download(`${docPath(id, shown)}/document?format=pdf`, `${name}.pdf`)}
          >
            Download PDF
          </button>
          <button
            type="button"
            onClick={() => download(`${docPath(id, shown)}/document?format=md`, `${name}.md`)}
          >
            Markdown
          </button>
        </div>
      </div>
      {html.isPending ? (
        <Loading what="the document" />
      ) : html.isError ? (
        <ErrorView error={html.error} retry={() => html.refetch()} />
      ) : (
        <DocumentFrame html={html.data} title={`${label}, as rendered`} />
      )}
    </div>
  )
}

function describe(ref: DocRef, currentRevision?: number, state?: string): string {
  if (ref.kind === 'version') return `Version ${ref.number}`
  const current = ref.number === currentRevision ? ` (current${state ? `, ${state.toLowerCase()}` : ''})` : ''
  return `Revision ${ref.number}${current}`
}

// The rendered HTML carries its own styles and a policy that loads and runs nothing; the frame
// is sandboxed too, and grows to its content so the page has one scroll bar.
export function DocumentFrame({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null)
  const [height, setHeight] = useState(800)
  useEffect(() => {
    const fit = () => {
      const body = frame.current?.contentDocument?.documentElement
      if (body) setHeight(body.scrollHeight + 4)
    }
    window.addEventListener('resize', fit)
    return () => window.removeEventListener('resize', fit)
  }, [])
  return (
    <iframe
      ref={frame}
      className="ag-frame"
      title={title}
      srcDoc={html}
      sandbox="allow-same-origin"
      style={{ height }}
      onLoad={(e) => {
        const body = e.currentTarget.contentDocument?.documentElement
        if (body) setHeight(body.scrollHeight + 4)
      }}
    />
  )
}
