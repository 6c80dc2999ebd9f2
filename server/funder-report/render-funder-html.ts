/**
 * The funder report as one self-contained HTML page (print-friendly, no
 * external resources): period, the two charts as inline SVG, then per group
 * (total first, then each site) the tables. Withheld cells read "<5".
 */
import type { Cell, DaysSummary, FunderGroup, FunderReport, TargetResult } from '../../analysis/funder/types';
import { escapeHtml } from '../../analysis/report/escape-html';
import { REPORT_CSS } from '../../analysis/report/report-styles';
import { FUNDER_TEXTS, type FunderTexts } from '../../analysis/funder/funder-texts';
import { formatNumber } from '../../analysis/report/format';
import { fill, type ReportLang } from '../../analysis/report/report-texts';
import type { FunderPeriod } from './load-funder-data';

type T = FunderTexts & { lang: ReportLang };
const num = (x: number, decimals: number, t: T) => (t.lang === 'en' ? x.toFixed(decimals) : formatNumber(x, decimals, t.lang));
const pctOf = (t: T) => (x: number) => `${num(x * 100, 1, t)} %`;

function cellsTable(caption: string, cells: Cell[], minCell: number, t: T): string {
  const rows = cells.map((c) => `<tr><th scope="row">${escapeHtml(c.label)}</th><td>${c.count === null ? `&lt;${minCell}` : c.count}</td></tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th>${t.colCategory}</th><th>${t.colParticipants}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function days(label: string, s: DaysSummary, t: T): string {
  const value = s.median === null ? t.noParticipantYet : fill(t.median, { median: num(s.median, 0, t), q1: num(s.q1!, 0, t), q3: num(s.q3!, 0, t) });
  return `<tr><th scope="row">${escapeHtml(label)}</th><td class="text">${value}</td><td>${s.n}</td><td>${s.without}</td></tr>`;
}

function target(t: TargetResult, minCell: number, x: T): string {
  const pct = pctOf(x);
  const goal = Array.isArray(t.target) ? `${pct(t.target[0])}–${pct(t.target[1])}` : pct(t.target);
  const observed = t.proportion === null ? fill(x.fewerThan, { k: minCell }) : pct(t.proportion);
  const met = t.proportion === null ? '' : Array.isArray(t.target) ? (t.proportion >= t.target[0] ? x.reached : x.notYet) : t.proportion >= t.target ? x.reached : x.notYet;
  const comparison = t.comparison ? `<br><span class="interval">${fill(x.comparison, { value: pct(t.comparison.value), label: escapeHtml(t.comparison.label) })}</span>` : '';
  return `<tr><th scope="row">${escapeHtml(t.label)}<br><span class="interval">${escapeHtml(t.source)}</span></th><td>${goal}${comparison}</td><td>${observed}</td><td>${t.denominator}</td><td class="text">${met}</td></tr>`;
}

function groupSection(g: FunderGroup, minCell: number, t: T): string {
  const title = g.group === 'total' ? t.allSites : fill(t.site, { site: escapeHtml(g.group) });
  const fidelity = g.fidelity.length === 0 ? `<p>${t.noFidelity}</p>`
    : `<table><caption>${t.fidelityCaption}</caption><thead><tr><th>${t.colSite}</th><th>${t.colDate}</th><th>${t.colTotal}</th><th class="text">${t.colBand}</th></tr></thead><tbody>${g.fidelity.map((f) => `<tr><th scope="row">${escapeHtml(f.site)}</th><td>${escapeHtml(f.reviewDate)}</td><td>${f.total}</td><td class="text">${escapeHtml(f.band)}</td></tr>`).join('')}</tbody></table>`;
  const c = g.caseload;
  return `<section><h2>${title}</h2>
<p>${fill(t.included, { n: g.participants, newInPeriod: g.newInPeriod })}</p>
${cellsTable(t.byStatus, g.statuses, minCell, t)}
${cellsTable(t.bySex, g.bySex, minCell, t)}
${cellsTable(t.byMunicipality, g.byMunicipality, minCell, t)}
<table><caption>${t.daysCaption}</caption><thead><tr><th>${t.colTo}</th><th class="text">${t.colDays}</th><th>${t.colWith}</th><th>${t.colNotYet}</th></tr></thead><tbody>
${days(t.firstEmployerContact, g.employerContact, t)}${days(t.firstJob, g.firstJob, t)}</tbody></table>
<table><caption>${t.targetsCaption}</caption><thead><tr><th>${t.colTarget}</th><th>${t.colGoal}</th><th>${t.colObserved}</th><th>${t.colOf}</th><th class="text"></th></tr></thead><tbody>${g.targets.map((r) => target(r, minCell, t)).join('')}</tbody></table>
<p>${fill(t.caseload, { coaches: c.coaches })}${c.mean === null ? '' : fill(t.caseloadDetail, { mean: num(c.mean, 1, t), max: String(c.max), over: c.over20 })}.</p>
${fidelity}</section>`;
}

/** The page; `lang` gives its headings, table headers and sentences (default English). */
export function renderFunderHtml(report: FunderReport, period: FunderPeriod, charts: { status: string; targets: string }, susSection = '', lang: ReportLang = 'en'): string {
  const t: T = { ...FUNDER_TEXTS[lang], lang };
  const scope = period.site ? fill(t.siteScope, { site: escapeHtml(period.site) }) : t.allSitesScope;
  const dates = { from: escapeHtml(period.from), to: escapeHtml(period.to) };
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${fill(t.documentTitle, dates)}</title>
<style>${REPORT_CSS}</style></head><body>
<h1>${t.title}</h1>
<p class="question">${fill(t.period, { ...dates, scope })}</p>
<p class="summary">${fill(t.smallCells, { k: report.minCell })}</p>
<figure>${charts.status}<figcaption>${t.statusFigure}</figcaption></figure>
<figure>${charts.targets}<figcaption>${t.targetsFigure}</figcaption></figure>
${report.groups.map((g) => groupSection(g, report.minCell, t)).join('\n')}
${susSection}
</body></html>
`;
}
