/**
 * The inline stylesheet of report.html: plain, readable on screen and on
 * paper (A4), tabular figures right-aligned, charts scaled to the page, no
 * web fonts and no external resource.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
.question { font-size: 1.1rem; color: #333; margin-top: 0; }
.summary { background: #f3f7fb; border-left: 4px solid #0072B2; padding: 0.6rem 1rem; }
.summary li { margin: 0.2rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-size: 0.9rem; color: #444; padding-bottom: 0.3rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.5rem; vertical-align: top; }
thead th { border-bottom: 2px solid #888; text-align: right; }
thead th:first-child, thead th.text, th[scope="row"] { text-align: left; }
thead th[scope="colgroup"] { text-align: center; }
td { text-align: right; }
td.text { text-align: left; }
table.headline td, table.missing td, table.decision td { white-space: nowrap; }
td.icer-cell { min-width: 13rem; }
table.sensitivity th[scope="row"] { font-weight: normal; min-width: 12rem; }
.summary h2 { margin-top: 0.3rem; }
.interval { color: #555; font-size: 0.85rem; white-space: nowrap; }
.icer { font-size: 1.05rem; }
figure { margin: 1.5rem 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.9rem; color: #333; margin-top: 0.4rem; max-width: 44rem; }
code { font-family: Menlo, Consolas, monospace; font-size: 0.9em; }
.hash { word-break: break-all; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
.warnings li { color: #7a3e00; }
footer { margin-top: 3rem; font-size: 0.85rem; color: #555; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, figure { break-inside: avoid; page-break-inside: avoid; }
  @page { size: A4; margin: 18mm 15mm; }
}
`;
