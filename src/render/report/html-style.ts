// The stylesheet of the HTML report: readable on screen, printable on A4 with the summary on a
// page of its own. Verdicts are words first; the colours only repeat them.
export const REPORT_STYLE = `
@page { size: A4; margin: 16mm 14mm; }
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --rule: #d5d9e0; --tint: #f3f5f8; --accent: #1f4e8c;
  --good: #1a7f37; --bad: #c62828; --neutral: #6b7280; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem 4rem; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.report-title { border-bottom: 3px solid var(--accent); margin-bottom: 1rem; }
header.report-title h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.3rem; }
header.report-title p { color: var(--muted); margin: 0 0 0.8rem; font-size: 1.05rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; margin: 2rem 0 0.6rem; break-after: avoid; }
.summary h2 { font-size: 1.05rem; border: 0; margin: 1.1rem 0 0.3rem; color: var(--accent); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.25rem; margin: 0.4rem 0 0.8rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.88rem; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--tint); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.badge { display: inline-block; padding: 0 0.45em; border-radius: 0.6em; font-size: 0.82em; font-weight: 700;
  color: #fff; text-transform: uppercase; letter-spacing: 0.02em; }
.badge.good { background: var(--good); }
.badge.bad { background: var(--bad); }
.badge.neutral { background: var(--neutral); }
td .badge { margin-left: 0.35em; }
td .badge:first-child { margin-left: 0; }
figure { margin: 0.8rem 0 1.2rem; break-inside: avoid; }
figure svg { width: 100%; height: auto; max-width: 46rem; display: block; }
figcaption { font-size: 0.82rem; color: var(--muted); margin-top: 0.3rem; }
figcaption strong { color: var(--ink); }
p.note { color: var(--muted); font-size: 0.88rem; font-style: italic; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .summary { break-after: page; }
  .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`
