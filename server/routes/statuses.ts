/**
 * Process status of a participant (append-only history): GET current +
 * history, POST a new status (form process_status), POST
 * …/statuses/:statusId/corrections {status: changed fields, reason} and GET
 * …/corrections (its history).
 */
import express from 'express';
import { requireRole, requireParticipantReader } from '../http/require-role';
import { readEnvelope, type Answers } from '../services/operations-forms';
import { participantFromParam } from '../services/participant-access';
import { addStatus, correctStatus, statusHistory } from '../services/participant-progress';
import { correctionsOfRecord, readCorrectionBody } from '../services/record-corrections';
import { findStatus } from '../db/queries/process-statuses';
import { idParam } from '../http/params';
import { problems } from '../errors';
import { actorOf } from '../services/sessions';
import type { MakeRouter } from './context';

export const statusesRouter: MakeRouter = ({ db }) => {
  const router = express.Router();

  router.get('/participants/:id/statuses', requireParticipantReader, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    res.json({ studyId: participant.study_id, ...statusHistory(db, participant.id) });
  });

  router.post('/participants/:id/statuses', requireRole('admin', 'trial_manager', 'coach'), (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const body = readEnvelope(req.body, { forms: { status: 'process_status' } });
    res.status(201).json({ status: addStatus(db, actorOf(req.auth!.user), participant, body.status as Answers) });
  });

  router.post('/participants/:id/statuses/:statusId/corrections', requireRole('admin', 'trial_manager', 'coach'), (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const id = idParam(req, 'statusId', 'process status');
    const { patch, reason } = readCorrectionBody(req.body, 'status');
    res.status(201).json(correctStatus(db, actorOf(req.auth!.user), participant, id, patch, reason));
  });

  router.get('/participants/:id/statuses/:statusId/corrections', requireParticipantReader, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const id = idParam(req, 'statusId', 'process status');
    const row = findStatus(db, id);
    if (!row || row.participant_id !== participant.id) throw problems.notFound('process status', id);
    res.json({ corrections: correctionsOfRecord(db, 'process_status', id) });
  });

  return router;
};
