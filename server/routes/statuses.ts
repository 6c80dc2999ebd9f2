/**
 * Process status of a participant (append-only history): GET current +
 * history, POST a new status (form process_status).
 */
import express from 'express';
import { requireRole, requireParticipantReader } from '../http/require-role';
import { readEnvelope, type Answers } from '../services/operations-forms';
import { participantFromParam } from '../services/participant-access';
import { addStatus, statusHistory } from '../services/participant-progress';
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

  return router;
};
