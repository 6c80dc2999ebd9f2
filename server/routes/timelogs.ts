/**
 * Coaches' time logs: POST /api/time-logs with one entry
 * `{entry, participantId | site}` or with `{entries: [...]}` (a week's rows,
 * all saved or none; /api/time-logs/week is the same), GET /api/time-logs
 * ?from&to (coaches see their own), DELETE /api/time-logs/:id {reason},
 * POST /api/time-logs/:id/corrections {entry: changed fields, reason} and
 * GET …/corrections (the log's history), and
 * GET /api/participants/:id/time-logs, GET /api/caseloads (alias
 * /api/reports/caseload: active IPS participants per coach, warning above the
 * study's limit, default 20).
 */
import express from 'express';
import { problems } from '../errors';
import { requireRole } from '../http/require-role';
import { idParam } from '../http/params';
import { isValidIsoDate } from '../schedule/calendar';
import { addTimeLogs, caseloadReport, changeableTimeLog, correctTimeLog, deleteTimeLog, listTimeLogs, viewTimeLog, type TimeLogInput } from '../services/coach-work';
import { correctionsOfRecord, readCorrectionBody } from '../services/record-corrections';
import { participantFromParam } from '../services/participant-access';
import { checks, readEnvelope, type Answers } from '../services/operations-forms';
import { actorOf } from '../services/sessions';
import { siteScope } from '../services/site-access';
import type { MakeRouter } from './context';

const ENTRY_SPEC = { forms: { entry: 'time_log' }, fields: { participantId: checks.positiveId('participantId'), site: checks.siteCode } };

export const timeLogsRouter: MakeRouter = ({ db }) => {
  const router = express.Router();
  const writers = requireRole('admin', 'trial_manager', 'coach');

  router.post(['/time-logs', '/time-logs/week'], writers, (req, res) => {
    const raw = req.body as { entries?: unknown } | undefined;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw problems.bodyNotObject();
    if (!('entries' in raw)) {
      const body = readEnvelope(req.body, ENTRY_SPEC) as unknown as TimeLogInput;
      const [row] = addTimeLogs(db, actorOf(req.auth!.user), req.auth!.user, [body], () => '');
      return void res.status(201).json({ timeLog: viewTimeLog(db, row) });
    }
    const extra = Object.keys(raw).filter((k) => k !== 'entries');
    if (extra.length) throw problems.invalidBody(extra.map((f) => ({ field: f, message: `unknown field '${f}'` })));
    if (!Array.isArray(raw.entries) || raw.entries.length === 0 || raw.entries.length > 200) {
      throw problems.invalidBody([{ field: 'entries', message: 'entries must be a list of 1 to 200 time log rows' }]);
    }
    const errors: { field: string; message: string }[] = [];
    const inputs: TimeLogInput[] = raw.entries.map((entry, i) => {
      try {
        return readEnvelope(entry, ENTRY_SPEC) as unknown as TimeLogInput;
      } catch (error) {
        const fields = (error as { fields?: { field: string; message: string }[] }).fields ?? [{ field: '', message: String(error) }];
        for (const f of fields) errors.push({ field: `entries[${i}].${f.field}`, message: `row ${i + 1}: ${f.message}` });
        return { entry: {} as Answers };
      }
    });
    if (errors.length) throw problems.invalidBody(errors);
    const rows = addTimeLogs(db, actorOf(req.auth!.user), req.auth!.user, inputs, (i) => `entries[${i}].`);
    res.status(201).json({ timeLogs: rows.map((r) => viewTimeLog(db, r)) });
  });

  router.get('/time-logs', requireRole('admin', 'trial_manager', 'coach', 'data_monitor'), (req, res) => {
    const from = String(req.query.from ?? '0000-01-01');
    const to = String(req.query.to ?? '9999-12-31');
    const errors = [];
    if (req.query.from !== undefined && !isValidIsoDate(from)) errors.push({ field: 'from', message: 'from must be a date (YYYY-MM-DD)' });
    if (req.query.to !== undefined && !isValidIsoDate(to)) errors.push({ field: 'to', message: 'to must be a date (YYYY-MM-DD)' });
    if (errors.length) throw problems.invalidQuery(errors);
    res.json({ timeLogs: listTimeLogs(db, req.auth!.user, siteScope(db, req.auth!.user), from, to).map((r) => viewTimeLog(db, r)) });
  });

  router.delete('/time-logs/:id', writers, (req, res) => {
    const id = idParam(req, 'id', 'time log');
    const body = readEnvelope(req.body, { fields: { reason: checks.reason }, requiredFields: ['reason'] });
    deleteTimeLog(db, actorOf(req.auth!.user), req.auth!.user, id, String(body.reason));
    res.status(204).end();
  });

  router.post('/time-logs/:id/corrections', writers, (req, res) => {
    const id = idParam(req, 'id', 'time log');
    const { patch, reason } = readCorrectionBody(req.body, 'entry');
    const result = correctTimeLog(db, actorOf(req.auth!.user), req.auth!.user, id, patch, reason);
    res.status(201).json({ timeLog: viewTimeLog(db, result.timeLog), correction: result.correction });
  });

  router.get('/time-logs/:id/corrections', requireRole('admin', 'trial_manager', 'coach', 'data_monitor'), (req, res) => {
    const id = idParam(req, 'id', 'time log');
    const row = changeableTimeLog(db, req.auth!.user, id);
    res.json({ timeLog: viewTimeLog(db, row), corrections: correctionsOfRecord(db, 'time_log', id) });
  });

  router.get('/participants/:id/time-logs', requireRole('admin', 'trial_manager', 'coach', 'data_monitor'), (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const rows = listTimeLogs(db, req.auth!.user, null, '0000-01-01', '9999-12-31').filter((r) => r.participant_id === participant.id);
    res.json({ studyId: participant.study_id, timeLogs: rows.map((r) => viewTimeLog(db, r)) });
  });

  router.get(['/caseloads', '/reports/caseload'], requireRole('admin', 'trial_manager', 'coach', 'data_monitor'), (_req, res) => {
    res.json({ caseloads: caseloadReport(db) });
  });

  return router;
};
