/**
 * SUS (the coordination associations' follow-up system):
 * GET  /participants/:id/sus                  the start and end registration
 * PUT  /participants/:id/sus/start|end        {registration: sus_start|sus_end form, reason?} (reason for a correction)
 * PUT  /participants/:id/sus/start|end/entered {entered_on: date|null, reason?} entered into SUS itself
 * GET  /sus/worklist?month=YYYY-MM&site=      due/incomplete registrations, the month's starters and leavers
 * GET  /sus/sheets?participants=ID,ID         SUS sheets: values in SUS's order (identity number only for
 *                                             a consenting participant and a role that may read it)
 * GET  /reports/sus?from&to&site&format       the SUS follow-up report alone (also part of /reports/funder)
 * Coaches capture registrations and see the worklist of their sites; trial
 * managers and admins also print sheets with identity numbers.
 */
import express from 'express';
import type { SusKind } from '../../data-dictionary/sus';
import { problems } from '../errors';
import { sendReportHtml } from '../http/report-html';
import { requireRole, requireParticipantReader } from '../http/require-role';
import { checkFunderQuery } from '../services/funder-reports';
import { checks, readEnvelope, type Answers } from '../services/operations-forms';
import { participantFromParam } from '../services/participant-access';
import { actorOf } from '../services/sessions';
import { markSusEntered, recordSusRegistration, susRegistrations } from '../services/sus-registrations';
import { susFollowUpReport } from '../services/sus-reports';
import { readWorklistQuery, susSheets, susWorklist } from '../services/sus-sheets';
import type { MakeRouter } from './context';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function kindParam(raw: unknown): SusKind {
  if (raw === 'start' || raw === 'end') return raw;
  throw problems.notFound('SUS registration kind', String(raw).slice(0, 20));
}

export const susRouter: MakeRouter = ({ config, db }) => {
  const router = express.Router();
  const writers = requireRole('admin', 'trial_manager', 'coach');

  router.get('/participants/:id/sus', requireParticipantReader, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    res.json({ studyId: participant.study_id, ...susRegistrations(db, participant.id) });
  });

  router.put('/participants/:id/sus/:kind', writers, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const kind = kindParam(req.params.kind);
    const body = readEnvelope(req.body, { forms: { registration: kind === 'start' ? 'sus_start' : 'sus_end' }, fields: { reason: checks.reason } });
    res.json({ studyId: participant.study_id, ...recordSusRegistration(db, actorOf(req.auth!.user), participant, kind, body.registration as Answers, body.reason as string | undefined) });
  });

  router.put('/participants/:id/sus/:kind/entered', writers, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const kind = kindParam(req.params.kind);
    const body = readEnvelope(req.body, {
      fields: { entered_on: (v) => (v === null || (typeof v === 'string' && DATE.test(v)) ? null : 'entered_on must be a date YYYY-MM-DD or null'), reason: checks.reason },
      requiredFields: ['entered_on'],
    });
    res.json({ studyId: participant.study_id, ...markSusEntered(db, actorOf(req.auth!.user), participant, kind, body.entered_on as string | null, body.reason as string | undefined) });
  });

  router.get('/sus/worklist', writers, (req, res) => {
    const { month, site } = readWorklistQuery(db, req.query as Record<string, unknown>);
    res.json(susWorklist(db, req.auth!.user, month, site));
  });

  router.get('/sus/sheets', writers, (req, res) => {
    const raw = typeof req.query.participants === 'string' ? req.query.participants : '';
    const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
    res.json({ sheets: susSheets(db, config, actorOf(req.auth!.user), req.auth!.user, ids) });
  });

  router.get('/reports/sus', requireRole('trial_manager', 'admin', 'evaluator'), (req, res) => {
    const { format, ...period } = checkFunderQuery(db, req.query as Record<string, unknown>);
    const built = susFollowUpReport(db, actorOf(req.auth!.user), period);
    if (format === 'csv') res.type('text/csv').attachment(`sus-follow-up-${period.from}-${period.to}.csv`).send(built.csv);
    else sendReportHtml(res, built.html);
  });

  return router;
};
