/**
 * Reports from the live database.
 * ICER: POST /api/reports/icer {k?, settings?} (evaluator, trial manager,
 * admin) starts the analysis in a worker and answers 202 with the report id;
 * GET /api/reports and GET /api/reports/:id (the same roles plus the data
 * monitor, read-only) show status and progress (percent, stage; while it
 * waits behind other exports/reports, `queuePosition`);
 * GET /api/reports/:id/report.html and /result.json give the finished report.
 * Funder: GET /api/reports/funder?from&to&site&format=html|csv (trial
 * manager, admin, evaluator).
 * Report pages are sent with their own CSP (http/report-html.ts): their
 * inline style allowed by its hash, nothing else.
 */
import express from 'express';
import { findReportSummary, listReportSummaries } from '../db/queries/reports';
import { problems } from '../errors';
import { idParam } from '../http/params';
import { sendReportHtml } from '../http/report-html';
import { requireRole } from '../http/require-role';
import { readIcerReportRequest, reportPart, startIcerReport, viewReport } from '../services/reports';
import { checkFunderQuery, funderReport } from '../services/funder-reports';
import { actorOf } from '../services/sessions';
import type { MakeRouter } from './context';

const MAKERS = ['evaluator', 'trial_manager', 'admin'] as const;
const READERS = [...MAKERS, 'data_monitor'] as const;

export const reportsRouter: MakeRouter = ({ config, db, jobs }) => {
  const router = express.Router();

  router.get('/reports/funder', requireRole('trial_manager', 'admin', 'evaluator'), async (req, res) => {
    const { format, lang, ...period } = checkFunderQuery(db, req.query as Record<string, unknown>);
    const built = await funderReport(db, actorOf(req.auth!.user), period, lang);
    if (format === 'csv') {
      res.type('text/csv').attachment(`funder-report-${period.from}-${period.to}.csv`).send(built.csv);
    } else {
      sendReportHtml(res, built.html);
    }
  });

  router.post('/reports/icer', requireRole(...MAKERS), (req, res) => {
    const request = readIcerReportRequest(req.body ?? {});
    const user = req.auth!.user;
    const id = startIcerReport(db, config, jobs, actorOf(user), user.id, request);
    res.status(202).json({ report: viewReport(findReportSummary(db, id)!, jobs) });
  });

  router.get('/reports', requireRole(...READERS), (_req, res) => {
    res.json({ reports: listReportSummaries(db).map((row) => viewReport(row, jobs)) });
  });

  router.get('/reports/:id', requireRole(...READERS), (req, res) => {
    const id = idParam(req, 'id', 'report');
    const row = findReportSummary(db, id);
    if (!row) throw problems.notFound('report', id);
    res.json({ report: viewReport(row, jobs) });
  });

  router.get('/reports/:id/report.html', requireRole(...READERS), (req, res) => {
    sendReportHtml(res, reportPart(db, idParam(req, 'id', 'report'), 'report_html'));
  });

  router.get('/reports/:id/result.json', requireRole(...READERS), (req, res) => {
    res.type('json').send(reportPart(db, idParam(req, 'id', 'report'), 'result_json'));
  });

  return router;
};
