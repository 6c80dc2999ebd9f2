/**
 * The SUS follow-up report as an HTML section (inside the funder report, or
 * as its own page): per group the participants in the period, registered
 * with consent or anonymous, by sex and age group, and for the leavers
 * registered with consent work/studies and support before against after,
 * reasons for ending and time in the intervention. Withheld cells read "<5".
 */
import type { Cell, DaysSummary } from '../../analysis/funder/types';
import type { BeforeAfter, SusGroup, SusReport } from '../../analysis/sus/types';
import { escapeHtml } from '../../analysis/report/escape-html';
import { REPORT_CSS } from '../../analysis/report/report-styles';
import type { FunderPeriod } from './load-funder-data';

const shown = (c: Cell | undefined, minCell: number) => (c === undefined ? '' : c.count === null ? `&lt;${minCell}` : String(c.count));

function cells(caption: string, list: Cell[], minCell: number): string {
  const rows = list.map((c) => `<tr><th scope="row">${escapeHtml(c.label)}</th><td>${shown(c, minCell)}</td></tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th>Category</th><th>Participants</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function beforeAfter(caption: string, t: BeforeAfter, minCell: number): string {
  const rows = t.before.map((c) => `<tr><th scope="row">${escapeHtml(c.label)}</th><td>${shown(c, minCell)}</td><td>${shown(t.after.find((a) => a.category === c.category), minCell)}</td></tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th>Category</th><th>Before</th><th>After</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const days = (s: DaysSummary) => (s.median === null ? 'no leaver in the period' : `median ${s.median.toFixed(0)} days (IQR ${s.q1!.toFixed(0)}–${s.q3!.toFixed(0)}), ${s.n} leavers`);

function group(g: SusGroup, minCell: number): string {
  const title = g.group === 'total' ? 'All sites' : `Site ${escapeHtml(g.group)}`;
  return `<section class="sus-group"><h3>SUS follow-up: ${title}</h3>
<p>${g.participants} participants in the intervention during the period (${g.started} started, ${g.ended} ended). ${g.leavers} of those who ended were registered with consent; the before/after tables count them.</p>
${cells('Registration in SUS', g.registration, minCell)}
${cells('Registered with consent, by sex', g.bySex, minCell)}
${cells('Registered with consent, by age group at start', g.byAgeGroup, minCell)}
${cells('Anonymous participants, by sex', g.anonymousBySex, minCell)}
${cells('Anonymous participants, by age group at start', g.anonymousByAgeGroup, minCell)}
${beforeAfter('Leavers: employment and studies before and after (a person in both work and studies counts in each)', g.occupation, minCell)}
${beforeAfter('Leavers: source of support before and after (several may apply)', g.support, minCell)}
${cells('Leavers: reason for ending', g.endReasons, minCell)}
<p>Time in the intervention: ${days(g.timeInIntervention)}.</p>
${cells('Leavers: time in the intervention', g.timeBands, minCell)}</section>`;
}

/** The SUS section of the funder report. */
export function renderSusSection(report: SusReport): string {
  return `<section class="sus"><h2>Follow-up as in SUS (standard participant report)</h2>
<p class="summary">From the SUS start and end registrations captured in the platform (forms sus_start and sus_end). Participants without consent are counted as anonymous participants by sex and age group only. Counts under ${report.minCell} are shown as "&lt;${report.minCell}".</p>
${report.groups.map((g) => group(g, report.minCell)).join('\n')}</section>`;
}

/** The SUS follow-up report as its own page. */
export function renderSusHtml(report: SusReport, period: FunderPeriod): string {
  const scope = period.site ? `site ${escapeHtml(period.site)}` : 'all sites';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>IPS: SUS follow-up ${escapeHtml(period.from)} – ${escapeHtml(period.to)}</title>
<style>${REPORT_CSS}</style></head><body>
<h1>IPS: follow-up of participants (SUS)</h1>
<p class="question">Period ${escapeHtml(period.from)} to ${escapeHtml(period.to)}, ${scope}.</p>
${renderSusSection(report)}
</body></html>
`;
}
