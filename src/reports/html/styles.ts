/**
 * The page's only stylesheet, inlined: system fonts, no external resources (the page's CSP forbids
 * them). Status colours always come with a word and a border, and `@media print` keeps the
 * certificate readable on one-colour paper.
 */
export const STYLES = `
:root { --pass: #146c2e; --fail: #b42318; --warn: #9a4a00; --muted: #475467; --line: #d0d5dd; --bg-soft: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #101828; background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 20px; margin: 0; font-weight: 600; color: var(--muted); letter-spacing: .02em; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #101828; }
h3 { font-size: 16px; margin: 22px 0 6px; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; }
.gone { border: 4px solid var(--fail); background: #fef3f2; color: var(--fail); padding: 14px 18px; margin: 0 0 18px; font-size: 20px; font-weight: 700; }
.gone p { margin: 4px 0 0; font-size: 15px; font-weight: 400; color: #101828; }
.verdict { display: flex; align-items: center; gap: 28px; border: 6px solid; padding: 18px 26px; margin: 14px 0 18px; }
.verdict.v-pass { border-color: var(--pass); background: #ecfdf3; }
.verdict.v-fail { border-color: var(--fail); background: #fef3f2; }
.verdict.v-incomplete { border-color: var(--warn); background: #fffaeb; }
.verdict-word { font-size: 64px; font-weight: 800; line-height: 1; letter-spacing: .04em; }
.v-pass .verdict-word { color: var(--pass); }
.v-fail .verdict-word { color: var(--fail); }
.v-incomplete .verdict-word { color: var(--warn); }
.verdict-text { font-size: 18px; }
.verdict-text strong { display: block; font-size: 22px; }
.callout { border-left: 5px solid var(--warn); background: #fffaeb; padding: 8px 12px; margin: 10px 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.counts { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0 0; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); padding: 6px 12px; background: var(--bg-soft); }
.counts b { font-size: 18px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #98a2b3; }
td.id { white-space: nowrap; }
.badge { display: inline-block; white-space: nowrap; border: 2px solid; padding: 0 6px; font-weight: 700; font-size: 12px; letter-spacing: .03em; }
.s-pass { color: var(--pass); border-color: var(--pass); background: #ecfdf3; }
.s-fail { color: var(--fail); border-color: var(--fail); background: #fef3f2; }
.s-warn { color: var(--warn); border-color: var(--warn); background: #fffaeb; border-style: dashed; }
.s-blocked { color: #6941c6; border-color: #6941c6; background: #f4f3ff; border-style: dashed; }
.s-inconclusive { color: #8a6d00; border-color: #8a6d00; background: #fffbe6; border-style: dotted; }
.s-skip, .s-not-run, .s-not-testable { color: var(--muted); border-color: #98a2b3; background: #f9fafb; border-style: dotted; }
.failure { border: 1px solid var(--line); border-left: 5px solid var(--fail); padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
.failure.f-warn { border-left-color: var(--warn); }
.failure dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 8px; }
.failure dt { font-weight: 600; color: var(--muted); }
.failure dd { margin: 0; overflow-wrap: anywhere; }
pre { background: #0f172a; color: #e2e8f0; padding: 10px 12px; margin: 4px 0 10px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24em; overflow: auto; }
pre.body { background: var(--bg-soft); color: #101828; border: 1px solid var(--line); }
.findings li { margin: 8px 0 14px; }
.findings li p { margin: 2px 0; }
.hint { color: var(--muted); font-size: 13px; margin: 6px 0 2px; }
.scroll { overflow-x: auto; }
table.coverage { width: auto; min-width: 50%; }
.coverage th { font-size: 12px; overflow-wrap: anywhere; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  tr, .verdict, .gone { break-inside: avoid; }
  thead { display: table-header-group; }
  pre { max-height: none; overflow: visible; background: #fff; color: #000; border: 1px solid #000; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
