/**
 * The SUS follow-up report on its own (the funder report carries it too):
 * built for a checked period (services/funder-reports.checkFunderQuery) and
 * recorded in the audit trail (action "report", entity "sus_report").
 */
import { spreadsheetCsv } from '../spreadsheet-csv';
import type { Db } from '../db/connection';
import { buildSusReport } from '../funder-report/build-funder-report';
import type { FunderPeriod } from '../funder-report/load-funder-data';
import { susCsvRows } from '../funder-report/render-sus-csv';
import { renderSusHtml } from '../funder-report/render-sus-html';
import { recordAudit, type AuditActor } from './audit';

export function susFollowUpReport(db: Db, actor: AuditActor, period: FunderPeriod) {
  const report = buildSusReport(db, period);
  const csv = spreadsheetCsv(['group', 'section', 'category', 'label', 'value', 'extra'], [
    ['all', 'period', 'from', 'First day of the period', period.from, null],
    ['all', 'period', 'to', 'Last day of the period', period.to, null],
    ...susCsvRows(report),
  ]);
  recordAudit(db, { actor, action: 'report', entity: 'sus_report', after: { ...period, participants: report.groups[0]?.participants ?? 0 } });
  return { report, csv, html: renderSusHtml(report, period) };
}
