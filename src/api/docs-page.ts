// A readable API reference at /api/docs, rendered on the server from the OpenAPI document:
// one self-contained HTML page (no script, no CDN), so it works offline and behind firewalls.
import { marked } from 'marked'

type Json = Record<string, unknown>
type Schema = Json & { $ref?: string; type?: string | string[]; properties?: Record<string, Schema> }

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
const anchor = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-')

export function renderDocsPage(doc: Json): string {
  const info = doc.info as { title: string; version: string; description: string }
  const paths = doc.paths as Record<string, Record<string, Json>>
  const ops = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  )
  const tags = [...new Set(ops.map(({ op }) => (op.tags as string[])[0]!))]
  const schemas = ((doc.components as Json).schemas ?? {}) as Record<string, Schema>
  const body = [
    `<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>`,
    `<p><a href="/api/openapi.json">OpenAPI 3.1 document</a></p>`,
    marked.parse(info.description, { async: false }),
    '<nav><h2>Endpoints</h2>',
    ...tags.map(
      (tag) =>
        `<h3>${esc(tag)}</h3><ul>${ops
          .filter(({ op }) => (op.tags as string[])[0] === tag)
          .map(
            ({ path, method, op }) =>
              `<li><a href="#${anchor(String(op.operationId))}"><code>${method.toUpperCase()} ${esc(path)}</code></a> ${esc(op.summary)}</li>`,
          )
          .join('')}</ul>`,
    ),
    '</nav>',
    ...ops.map(({ path, method, op }) => renderOperation(path, method, op)),
    '<h2>Schemas</h2>',
    ...Object.entries(schemas).map(([name, s]) => renderSchema(name, s)),
  ]
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>${body.join('\n')}</body></html>`
}

function renderOperation(path: string, method: string, op: Json): string {
  const params = (op.parameters ?? []) as (Json & { schema: Schema })[]
  const requestBody = op.requestBody as { content: Record<string, { schema: Schema }> } | undefined
  const responses = op.responses as Record<
    string,
    { description: string; content?: Record<string, { schema?: Schema }> }
  >
  const parts = [
    `<section id="${anchor(String(op.operationId))}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>`,
    `<p><strong>${esc(op.summary)}</strong>${Array.isArray(op.security) ? ' <em>(no token needed)</em>' : ''}</p>`,
    op.description ? `<p>${esc(op.description)}</p>` : '',
  ]
  if (params.length > 0) {
    parts.push(
      table(
        ['parameter', 'in', 'type', 'description'],
        params.map((p) => [
          `<code>${esc(p.name)}</code>${p.required ? ' *' : ''}`,
          esc(p.in),
          typeOf(p.schema),
          esc(p.description ?? ''),
        ]),
      ),
    )
  }
  if (requestBody) {
    const [first] = Object.values(requestBody.content)
    parts.push(
      `<p>Body (${Object.keys(requestBody.content).map(esc).join(', ')}): ${first ? typeOf(first.schema) : ''}</p>`,
      first?.schema.properties ? propertiesTable(first.schema) : '',
    )
  }
  parts.push(
    table(
      ['status', 'meaning', 'body'],
      Object.entries(responses).map(([status, r]) => {
        const content = r.content ? Object.entries(r.content)[0] : undefined
        return [
          status,
          esc(r.description),
          content?.[1].schema ? typeOf(content[1].schema) : esc(content?.[0] ?? ''),
        ]
      }),
    ),
    '</section>',
  )
  return parts.join('\n')
}

function renderSchema(name: string, schema: Schema): string {
  const description = typeof schema.description === 'string' ? `<p>${esc(schema.description)}</p>` : ''
  return `<section id="schema-${anchor(name)}"><h3>${esc(name)}</h3>${description}${
    schema.properties ? propertiesTable(schema) : `<p>${typeOf(schema)}</p>`
  }</section>`
}

function propertiesTable(schema: Schema): string {
  const required = new Set((schema.required ?? []) as string[])
  return table(
    ['field', 'type', 'description'],
    Object.entries(schema.properties ?? {}).map(([key, s]) => [
      `<code>${esc(key)}</code>${required.has(key) ? ' *' : ''}`,
      typeOf(s),
      esc(s.description ?? ''),
    ]),
  )
}

function typeOf(s: Schema | undefined): string {
  if (!s) return 'any'
  if (s.$ref) {
    const name = s.$ref.split('/').at(-1)!
    return `<a href="#schema-${anchor(name)}">${esc(name)}</a>`
  }
  if (Array.isArray(s.enum)) return s.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(' | ')
  const union = (s.anyOf ?? s.oneOf) as Schema[] | undefined
  if (union) return union.map(typeOf).join(' | ')
  if (s.type === 'array') return `list of ${typeOf(s.items as Schema)}`
  if (Array.isArray(s.type)) return s.type.map(esc).join(' | ')
  return esc(s.type ?? 'any')
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${h}</th>`).join('')
  return `<table><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d232b}
code{font:13px ui-monospace,monospace;background:#f2f4f7;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #d8dde3;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}section{border-top:1px solid #e3e6ea;padding-top:.5rem}h1 small{font-weight:normal;color:#667}
.m{display:inline-block;min-width:4.2em;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:.1em .4em}
.get{background:#2d6cdf}.post{background:#1f8a4c}.delete{background:#c0392b}`
