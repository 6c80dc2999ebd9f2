/**
 * The SUS follow-up report as CSV rows in the funder report's long format
 * (group, section, category, label, value, extra): sections prefixed "sus_";
 * before/after tables give the before count in `value` and the after count
 * in `extra`. Withheld cells are "<5".
 */
import type { SusReport } from '../../analysis/sus/types';
import type { Cell } from '../../analysis/funder/types';

export type SusCsvRow = [string, string, string, string, string | number | null, string | number | null];

export function susCsvRows(report: SusReport): SusCsvRow[] {
  const withheld = `<${report.minCell}`;
  const shown = (c: Cell | undefined) => (c === undefined ? null : c.count ?? withheld);
  const rows: SusCsvRow[] = [];
  for (const g of report.groups) {
    rows.push([g.group, 'sus_participants', 'in_period', 'In the intervention during the period (SUS start registration)', g.participants, null]);
    rows.push([g.group, 'sus_participants', 'started', 'Started during the period', g.started, null]);
    rows.push([g.group, 'sus_participants', 'ended', 'Ended during the period', g.ended, null]);
    rows.push([g.group, 'sus_participants', 'leavers_with_consent', 'Ended during the period, registered with consent (before/after tables)', g.leavers, null]);
    for (const [section, cells] of [['sus_registration', g.registration], ['sus_sex', g.bySex], ['sus_age_group', g.byAgeGroup], ['sus_anonymous_sex', g.anonymousBySex], ['sus_anonymous_age_group', g.anonymousByAgeGroup], ['sus_end_reason', g.endReasons], ['sus_time_band', g.timeBands]] as const) {
      for (const c of cells) rows.push([g.group, section, c.category, c.label, shown(c), null]);
    }
    for (const [section, table] of [['sus_occupation_before_after', g.occupation], ['sus_support_before_after', g.support]] as const) {
      for (const c of table.before) rows.push([g.group, section, c.category, c.label, shown(c), shown(table.after.find((a) => a.category === c.category))]);
    }
    const t = g.timeInIntervention;
    rows.push([g.group, 'sus_days_in_intervention', 'n', 'Leavers with consent', t.n, null], [g.group, 'sus_days_in_intervention', 'median', 'Median days from start to end', t.median, null], [g.group, 'sus_days_in_intervention', 'iqr', 'Interquartile range (q1, q3)', t.q1, t.q3]);
  }
  return rows;
}
