/**
 * The funder report as one long CSV (group, section, category, label, value,
 * extra): every number of the HTML report; withheld cells are "<5" (the
 * minimum cell size), not a number. Meant for a spreadsheet: text such as a
 * municipality or site name that would read as a formula is written as text
 * (server/spreadsheet-csv.ts); numbers stay numbers.
 */
import type { FunderReport } from '../../analysis/funder/types';
import { spreadsheetCsv } from '../spreadsheet-csv';
import type { FunderPeriod } from './load-funder-data';

type Row = [string, string, string, string, string | number | null, string | number | null];

export function renderFunderCsv(report: FunderReport, period: FunderPeriod, extraRows: readonly Row[] = []): string {
  const withheld = `<${report.minCell}`;
  const rows: Row[] = [['all', 'period', 'from', 'First day of the period', period.from, null], ['all', 'period', 'to', 'Last day of the period', period.to, null]];
  for (const g of report.groups) {
    rows.push([g.group, 'participants', 'included', 'IPS participants included by the end of the period', g.participants, null]);
    rows.push([g.group, 'participants', 'new', 'Included during the period', g.newInPeriod, null]);
    for (const [section, cells] of [['status', g.statuses], ['sex', g.bySex], ['municipality', g.byMunicipality]] as const) {
      for (const c of cells) rows.push([g.group, section, c.category, c.label, c.count ?? withheld, null]);
    }
    for (const [section, s] of [['days_to_first_employer_contact', g.employerContact], ['days_to_first_job', g.firstJob]] as const) {
      rows.push([g.group, section, 'n', 'Participants with the event', s.n, null], [g.group, section, 'without', 'Participants without it yet', s.without, null]);
      rows.push([g.group, section, 'median', 'Median days from inclusion', s.median, null], [g.group, section, 'iqr', 'Interquartile range (q1, q3)', s.q1, s.q3]);
    }
    for (const t of g.targets) {
      rows.push([g.group, 'target', t.id, t.label, t.proportion === null ? withheld : Number(t.proportion.toFixed(4)), Array.isArray(t.target) ? `${t.target[0]}-${t.target[1]}` : t.target]);
      rows.push([g.group, 'target_denominator', t.id, t.source, t.denominator, null]);
    }
    rows.push([g.group, 'caseload', 'coaches', 'Coaches with active participants', g.caseload.coaches, null]);
    rows.push([g.group, 'caseload', 'mean', 'Mean active participants per coach', g.caseload.mean === null ? null : Number(g.caseload.mean.toFixed(1)), null]);
    rows.push([g.group, 'caseload', 'max', 'Largest caseload', g.caseload.max, null], [g.group, 'caseload', 'over20', 'Coaches above 20 (IPS fidelity maximum)', g.caseload.over20, null]);
    for (const f of g.fidelity) rows.push([g.group, 'fidelity', f.site, `Latest fidelity review ${f.reviewDate} (${f.band})`, f.total, f.band]);
  }
  rows.push(...extraRows);
  return spreadsheetCsv(['group', 'section', 'category', 'label', 'value', 'extra'], rows);
}
