/**
 * Randomization: POST makes the allocation (409 with what is missing when a
 * precondition fails, 409 when already allocated); GET reads it after it is
 * made (404 before; nothing exposes a future allocation). Admins correct an
 * allocation with a reason; the balance report shows counts per stratum.
 */
import express from 'express';
import type { Request } from 'express';
import { findAllocation, listCorrections } from '../db/queries/allocations';
import { problems } from '../errors';
import { requireRole, requireParticipantReader } from '../http/require-role';
import { noBody } from '../http/validate-body';
import { allocate, balanceReport, correctAllocation, randomizationSeed } from '../services/allocations';
import { checks, readEnvelope } from '../services/operations-forms';
import { participantFromParam, studyToday } from '../services/participant-access';
import { actorOf } from '../services/sessions';
import type { Arm } from '../randomization/arms';
import type { MakeRouter } from './context';

function view(row: NonNullable<ReturnType<typeof findAllocation>>, studyId: string) {
  return { studyId, arm: row.effective_arm, originalArm: row.arm, method: row.method, stratum: row.stratum, randomizedOn: row.randomized_on, allocatedAt: row.allocated_at };
}

export const allocationsRouter: MakeRouter = ({ db, config }) => {
  const router = express.Router();
  const user = (req: Request) => req.auth!.user;

  router.post('/participants/:id/allocation', requireRole('admin', 'trial_manager'), noBody, (req, res) => {
    const participant = participantFromParam(db, user(req), String(req.params.id));
    const row = allocate(db, randomizationSeed(db, config), actorOf(user(req)), participant, studyToday(db));
    res.status(201).json({ allocation: view(row, participant.study_id) });
  });

  router.get('/participants/:id/allocation', requireParticipantReader, (req, res) => {
    const participant = participantFromParam(db, user(req), String(req.params.id));
    const row = findAllocation(db, participant.id);
    if (!row) throw problems.notFound('allocation of participant', participant.study_id);
    res.json({ allocation: view(row, participant.study_id), corrections: listCorrections(db, participant.id).map((c) => ({ previousArm: c.previous_arm, correctedArm: c.corrected_arm, reason: c.reason, correctedAt: c.corrected_at })) });
  });

  router.post('/participants/:id/allocation/corrections', requireRole('admin'), (req, res) => {
    const participant = participantFromParam(db, user(req), String(req.params.id));
    const body = readEnvelope(req.body, { fields: { arm: checks.oneOf('arm', ['ips', 'control']), reason: checks.reason }, requiredFields: ['arm', 'reason'] });
    const row = correctAllocation(db, actorOf(user(req)), participant, body.arm as Arm, String(body.reason));
    res.status(201).json({ allocation: view(row, participant.study_id) });
  });

  router.get('/randomization/balance', requireRole('admin', 'trial_manager', 'evaluator', 'data_monitor'), (_req, res) => {
    res.json({ balance: balanceReport(db) });
  });

  return router;
};
