// The status page's few rules, inlined in the page: no script, no external file. Every colour
// comes with a text label beside it or in the bar's title, and a day without data is grey.
export const STATUS_PAGE_STYLE = `
:root { --up: #1a7f37; --partial: #1a7f37; --degraded: #9a6700; --down: #cf222e; --maintenance: #0969da;
  --no-data: #8c959f; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 0; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.summary { padding: .75rem 1rem; border-radius: 6px; font-weight: 600; color: #fff; background: var(--up); }
.summary-down { background: var(--down); } .summary-degraded { background: var(--degraded); }
.summary-unknown { background: var(--muted); } .summary-maintenance { background: var(--maintenance); }
.service { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1.25rem 0; }
.service-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
.badge { font-weight: 600; }
.badge::before { content: ""; display: inline-block; width: .7em; height: .7em; border-radius: 50%; margin-right: .4em; background: currentColor; }
.badge-up { color: var(--up); } .badge-degraded { color: var(--degraded); } .badge-down { color: var(--down); }
.badge-unknown { color: var(--muted); } .badge-maintenance { color: var(--maintenance); }
.bars { display: flex; gap: 2px; list-style: none; padding: 0; margin: .75rem 0 .25rem; height: 2.2rem; }
.day { flex: 1 1 0; min-width: 2px; border-radius: 2px; }
.day-up { background: var(--up); }
.day-partial { background: repeating-linear-gradient(135deg, var(--partial) 0 4px, var(--no-data) 4px 7px); }
.day-degraded { background: var(--degraded); } .day-down { background: var(--down); }
.day-maintenance { background: var(--maintenance); } .day-no-data { background: var(--no-data); opacity: .55; }
.axis { display: flex; justify-content: space-between; color: var(--muted); font-size: .85rem; margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; color: var(--muted); font-size: .85rem; }
.legend span { display: inline-block; width: .8em; height: .8em; margin-right: .35em; border-radius: 2px; vertical-align: -.05em; }
.incidents, .windows { margin: 0; padding-left: 1.2rem; }
.muted { color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
a { color: var(--maintenance); }
`
