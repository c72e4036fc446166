// The stylesheet of the standalone HTML rendering: readable on screen, printable on A4.
export const HTML_STYLE = `
@page { size: A4; margin: 20mm 18mm; }
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --rule: #d5d9e0; --tint: #f3f5f8; --accent: #1f4e8c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); }
.title-page { padding: 3rem 0 2rem; border-bottom: 3px solid var(--accent); margin-bottom: 2rem; }
.title-page h1 { font-size: 2.2rem; line-height: 1.2; margin: 0 0 0.4rem; }
.title-page .kind { font-size: 1.15rem; color: var(--muted); margin: 0 0 1.5rem; }
.title-page dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1.5rem; margin: 0; }
.title-page dt { font-weight: 600; }
.title-page dd { margin: 0; }
.hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; word-break: break-all; }
nav.toc { margin-bottom: 2.5rem; }
nav.toc h2 { font-size: 1.3rem; }
nav.toc ol { list-style: none; padding: 0; margin: 0; }
nav.toc li { margin: 0.15rem 0; }
nav.toc .toc-2 { padding-left: 1.5rem; }
nav.toc .toc-3 { padding-left: 3rem; }
nav.toc .toc-4, nav.toc .toc-5, nav.toc .toc-6 { padding-left: 4.5rem; }
h2, h3, h4, h5, h6 { line-height: 1.3; margin: 2rem 0 0.6rem; break-after: avoid; }
h2 { font-size: 1.45rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.25rem; }
h3 { font-size: 1.2rem; }
h4, h5, h6 { font-size: 1.05rem; }
.number { color: var(--muted); margin-right: 0.5rem; }
p.label { font-weight: 600; margin: 1.2rem 0 0.4rem; }
p.note { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1.2rem; font-size: 0.9rem; }
th, td { border: 1px solid var(--rule); padding: 0.35rem 0.55rem; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: var(--tint); font-weight: 600; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.25rem; margin: 0.6rem 0 1.2rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .title-page { break-after: page; min-height: 60vh; }
  nav.toc { break-after: page; }
  a { color: inherit; text-decoration: none; }
}
`
