/**
 * The funder report as one self-contained HTML page (print-friendly, no
 * external resources): period, the two charts as inline SVG, then per group
 * (total first, then each site) the tables. Withheld cells read "<5".
 */
import type { Cell, DaysSummary, FunderGroup, FunderReport, TargetResult } from '../../analysis/funder/types';
import { escapeHtml } from '../../analysis/report/escape-html';
import { REPORT_CSS } from '../../analysis/report/report-styles';
import type { FunderPeriod } from './load-funder-data';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function cellsTable(caption: string, cells: Cell[], minCell: number): string {
  const rows = cells.map((c) => `<tr><th scope="row">${escapeHtml(c.label)}</th><td>${c.count === null ? `&lt;${minCell}` : c.count}</td></tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th>Category</th><th>Participants</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function days(label: string, s: DaysSummary): string {
  const value = s.median === null ? 'no participant yet' : `median ${s.median.toFixed(0)} days (IQR ${s.q1!.toFixed(0)}–${s.q3!.toFixed(0)})`;
  return `<tr><th scope="row">${escapeHtml(label)}</th><td class="text">${value}</td><td>${s.n}</td><td>${s.without}</td></tr>`;
}

function target(t: TargetResult, minCell: number): string {
  const goal = Array.isArray(t.target) ? `${pct(t.target[0])}–${pct(t.target[1])}` : pct(t.target);
  const observed = t.proportion === null ? `fewer than ${minCell} participants` : pct(t.proportion);
  const met = t.proportion === null ? '' : Array.isArray(t.target) ? (t.proportion >= t.target[0] ? 'reached' : 'not yet') : t.proportion >= t.target ? 'reached' : 'not yet';
  const comparison = t.comparison ? `<br><span class="interval">comparison: ${pct(t.comparison.value)} in ${escapeHtml(t.comparison.label)}</span>` : '';
  return `<tr><th scope="row">${escapeHtml(t.label)}<br><span class="interval">${escapeHtml(t.source)}</span></th><td>${goal}${comparison}</td><td>${observed}</td><td>${t.denominator}</td><td class="text">${met}</td></tr>`;
}

function groupSection(g: FunderGroup, minCell: number): string {
  const title = g.group === 'total' ? 'All sites' : `Site ${escapeHtml(g.group)}`;
  const fidelity = g.fidelity.length === 0 ? '<p>No fidelity review recorded by the end of the period.</p>'
    : `<table><caption>Latest IPS fidelity review (IPS-25, 25–125)</caption><thead><tr><th>Site</th><th>Date</th><th>Total</th><th class="text">Band</th></tr></thead><tbody>${g.fidelity.map((f) => `<tr><th scope="row">${escapeHtml(f.site)}</th><td>${escapeHtml(f.reviewDate)}</td><td>${f.total}</td><td class="text">${escapeHtml(f.band)}</td></tr>`).join('')}</tbody></table>`;
  const c = g.caseload;
  return `<section><h2>${title}</h2>
<p>${g.participants} IPS participants included by the end of the period, ${g.newInPeriod} of them during the period.</p>
${cellsTable('Participants by current status', g.statuses, minCell)}
${cellsTable('Participants by sex', g.bySex, minCell)}
${cellsTable('Participants by municipality of residence', g.byMunicipality, minCell)}
<table><caption>Days from inclusion</caption><thead><tr><th>To</th><th class="text">Days</th><th>With</th><th>Not yet</th></tr></thead><tbody>
${days('First employer contact (coach time log)', g.employerContact)}${days('First competitive job', g.firstJob)}</tbody></table>
<table><caption>Targets</caption><thead><tr><th>Target</th><th>Goal</th><th>Observed</th><th>Of</th><th class="text"></th></tr></thead><tbody>${g.targets.map((t) => target(t, minCell)).join('')}</tbody></table>
<p>Caseload: ${c.coaches} coach(es) with active participants${c.mean === null ? '' : `, mean ${c.mean.toFixed(1)}, largest ${c.max}; ${c.over20} above the IPS maximum of 20`}.</p>
${fidelity}</section>`;
}

export function renderFunderHtml(report: FunderReport, period: FunderPeriod, charts: { status: string; targets: string }, susSection = ''): string {
  const scope = period.site ? `site ${escapeHtml(period.site)}` : 'all sites';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>IPS: report to the funders ${escapeHtml(period.from)} – ${escapeHtml(period.to)}</title>
<style>${REPORT_CSS}</style></head><body>
<h1>IPS: report to the funders</h1>
<p class="question">Period ${escapeHtml(period.from)} to ${escapeHtml(period.to)}, ${scope}. Participants in the IPS arm included on or before the last day; statuses and jobs as they stood on that day.</p>
<p class="summary">Counts under ${report.minCell} are shown as "&lt;${report.minCell}" (and one more cell is withheld when only one would be), so no person can be recognised.</p>
<figure>${charts.status}<figcaption>Participants by current status and site.</figcaption></figure>
<figure>${charts.targets}<figcaption>Observed shares against the funders' targets (ticks; the grey bar is the 10–20 % range for studies).</figcaption></figure>
${report.groups.map((g) => groupSection(g, report.minCell)).join('\n')}
${susSection}
</body></html>
`;
}
