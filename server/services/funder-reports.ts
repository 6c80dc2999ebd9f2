/**
 * The funder report as a use case: checks the period and site (clear errors
 * naming the parameter), builds the report and records it in the audit trail
 * (action "report", entity "funder_report").
 */
import type { Db } from '../db/connection';
import { siteExists } from '../db/queries/funder-rows';
import { problems, type FieldProblem } from '../errors';
import { buildFunderReport } from '../funder-report/build-funder-report';
import type { FunderPeriod } from '../funder-report/load-funder-data';
import { recordAudit, type AuditActor } from './audit';
import { REPORT_LANGS, isReportLang, type ReportLang } from '../../analysis/report/report-texts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Default period: the last half year up to today (UTC). */
export function defaultPeriod(today = new Date().toISOString().slice(0, 10)): { from: string; to: string } {
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCMonth(from.getUTCMonth() - 6);
  return { from: from.toISOString().slice(0, 10), to: today };
}

/** @throws the invalid_query problem naming from, to, site, format or lang */
export function checkFunderQuery(db: Db, query: Record<string, unknown>): FunderPeriod & { format: 'html' | 'csv'; lang: ReportLang } {
  const errors: FieldProblem[] = [];
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : undefined);
  const defaults = defaultPeriod();
  const from = text('from') ?? defaults.from;
  const to = text('to') ?? defaults.to;
  const site = text('site') ?? null;
  const format = text('format') ?? 'html';
  const lang = text('lang') ?? 'en';
  if (!validDate(from)) errors.push({ field: 'from', message: `from must be a date YYYY-MM-DD, got "${from}"` });
  if (!validDate(to)) errors.push({ field: 'to', message: `to must be a date YYYY-MM-DD, got "${to}"` });
  if (errors.length === 0 && from > to) errors.push({ field: 'from', message: `from (${from}) must not be after to (${to})` });
  if (site !== null && !siteExists(db, site)) errors.push({ field: 'site', message: `site "${site}" does not exist` });
  if (format !== 'html' && format !== 'csv') errors.push({ field: 'format', message: 'format must be html or csv' });
  if (!isReportLang(lang)) errors.push({ field: 'lang', message: `lang must be one of ${REPORT_LANGS.join(', ')}, got "${lang}"` });
  const unknown = Object.keys(query).filter((k) => !['from', 'to', 'site', 'format', 'lang'].includes(k));
  for (const k of unknown) errors.push({ field: k, message: `unknown parameter '${k}'` });
  if (errors.length) throw problems.invalidQuery(errors);
  return { from, to, site, format: format as 'html' | 'csv', lang: lang as ReportLang };
}

export async function funderReport(db: Db, actor: AuditActor, period: FunderPeriod, lang: ReportLang = 'en') {
  const built = await buildFunderReport(db, period, 5, lang);
  recordAudit(db, { actor, action: 'report', entity: 'funder_report', after: { ...period, participants: built.report.groups[0]?.participants ?? 0 } });
  return built;
}
