/**
 * ICER reports from the live database, for the evaluator: the analysis runs
 * in a worker thread (server/export/icer-report-worker.ts) so the server stays
 * responsive; its progress (percent, stage) is saved on the report row as it
 * comes, and at the end the result JSON, report.html, the settings actually
 * used and the dataset SHA-256 are kept. Each finished report is recorded in
 * the audit trail (action "report"). Reports and exports share one queue
 * (services/background-jobs.ts): at most `config.backgroundJobs.limit` at once.
 */
import { startTsWorker } from '../export/ts-worker';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import * as reports from '../db/queries/reports';
import { problems, type FieldProblem } from '../errors';
import { REPORT_LANGS, isReportLang, type ReportLang } from '../../analysis/report/report-texts';
import { recordAudit, type AuditActor } from './audit';
import { settleOnce, type BackgroundJobs } from './background-jobs';

export interface IcerReportRequest {
  k: number;
  /** analysis settings that replace the study's for this report (e.g. bootstrap.replicates) */
  settings?: Record<string, unknown>;
  /** the report's language: sv, da or en (default en) */
  lang: ReportLang;
}

export function readIcerReportRequest(body: unknown): IcerReportRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw problems.bodyNotObject();
  const record = body as Record<string, unknown>;
  const errors: FieldProblem[] = Object.keys(record).filter((f) => !['k', 'settings', 'lang'].includes(f)).map((f) => ({ field: f, message: `unknown field '${f}'` }));
  const k = record.k ?? 5;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > 100) errors.push({ field: 'k', message: 'k must be a whole number from 1 to 100' });
  if (record.settings !== undefined && (record.settings === null || typeof record.settings !== 'object' || Array.isArray(record.settings))) {
    errors.push({ field: 'settings', message: 'settings must be an object of analysis settings' });
  }
  const lang = record.lang === undefined ? 'en' : record.lang;
  if (!isReportLang(lang)) errors.push({ field: 'lang', message: `lang must be one of ${REPORT_LANGS.join(', ')}` });
  if (errors.length) throw problems.invalidBody(errors);
  return { k: k as number, lang: lang as ReportLang, ...(record.settings ? { settings: record.settings as Record<string, unknown> } : {}) };
}

/**
 * Starts the report, or queues it behind the running exports and reports
 * (services/background-jobs.ts); returns its id at once. A person with too
 * many waiting or running gets a 429 and nothing is made. `onSettled` is for
 * tests and the CLI.
 */
export function startIcerReport(db: Db, config: Config, jobs: BackgroundJobs, actor: AuditActor, userId: number | null, request: IcerReportRequest, onSettled?: () => void): number {
  jobs.checkRoomFor(userId);
  const id = reports.insertReport(db, { settings: request, requestedBy: userId, now: new Date().toISOString() });
  jobs.submit(reportJobKey(id), userId, (finished) => {
    const worker = startTsWorker(new URL('../export/icer-report-worker.ts', import.meta.url), { dbFile: config.dbFile, secretsDir: config.secretsDir, k: request.k, settings: request.settings, lang: request.lang });
    const settle = settleOnce(() => {
      void worker.terminate();
      finished();
      onSettled?.();
    });
    worker.on('message', (message: { progress?: { percent: number; stage: string }; done?: { result: { settings: unknown }; html: string; sha256: string; settings: unknown }; error?: string }) => {
      if (message.progress) reports.updateReportProgress(db, id, message.progress.percent, message.progress.stage);
      if (message.done) {
        const done = message.done;
        settle(() => {
          reports.finishReport(db, id, { settings: { k: request.k, lang: request.lang, analysis: done.settings }, sha256: done.sha256, resultJson: JSON.stringify(done.result), html: done.html, now: new Date().toISOString() });
          recordAudit(db, { actor, action: 'report', entity: 'icer_report', entityId: id, after: { k: request.k, lang: request.lang, settings: done.settings, datasetSha256: done.sha256 } });
        });
      }
      if (message.error) settle(() => reports.failReport(db, id, message.error!, new Date().toISOString()));
    });
    worker.on('error', (error) => settle(() => reports.failReport(db, id, error.message, new Date().toISOString())));
    worker.on('exit', (code) => settle(() => reports.failReport(db, id, `the analysis stopped (exit code ${code})`, new Date().toISOString())));
  });
  return id;
}

/** The report's name in the queue of background jobs. */
export function reportJobKey(id: number): string {
  return `report:${id}`;
}

export function viewReport(row: reports.ReportSummaryRow, jobs?: BackgroundJobs) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    percent: row.percent,
    stage: row.stage,
    settings: JSON.parse(row.settings_json) as unknown,
    datasetSha256: row.dataset_sha256,
    error: row.error,
    /** while it waits for a free place: 1 = next to start; null once running or finished */
    queuePosition: row.status === 'running' ? (jobs?.queuePosition(reportJobKey(row.id)) ?? null) : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    links: row.status === 'done' ? { html: `/api/reports/${row.id}/report.html`, result: `/api/reports/${row.id}/result.json` } : null,
  };
}

export function reportPart(db: Db, id: number, part: 'result_json' | 'report_html'): string {
  const value = reports.findReportPart(db, id, part);
  if (value === undefined) throw problems.notFound('report', id);
  if (value === null) throw problems.conflict(`Report ${id} is not finished`);
  return value;
}
