/**
 * Questionnaire responses (contract in docs/operations.md):
 * PUT /api/responses/:clientUuid — from a tablet session (cookie
 * ips_trial_tablet + X-CSRF-Token of that session; the participant is the
 * session's) or from staff (participantId in the body). Answers 201 when a
 * new response was stored, 200 otherwise (same body for a retry).
 * Saves from many tablets at once share one commit (db/group-commit.ts);
 * each is answered once its commit is on disk.
 * GET /api/participants/:id/open-assessment — the answers saved so far of
 * the assessment due now (resume); GET /api/participants/:id/responses.
 * POST /api/responses/:clientUuid/corrections {answers?, answered_on?,
 * out_of_window_reason?, reason} (admin, trial manager) corrects a complete
 * response; GET …/corrections is its history (services/response-corrections.ts).
 */
import express from 'express';
import type { Request } from 'express';
import { commitTogether } from '../db/group-commit';
import { findResponseById, listResponsesOf } from '../db/queries/responses';
import { problems } from '../errors';
import { requireRole, requireParticipantReader } from '../http/require-role';
import { participantFromParam, studyToday } from '../services/participant-access';
import { correctionsOfParticipant } from '../services/record-corrections';
import { checkResponseCorrection, correctResponse, responseCorrections } from '../services/response-corrections';
import { checkSubmission, openAssessment, saveResponse, viewResponse } from '../services/responses';
import { actorOf } from '../services/sessions';
import { tabletSessionOf, requireTabletCsrf } from './tablet-sessions';
import type { MakeRouter } from './context';

const staffRoles = requireRole('admin', 'trial_manager', 'coach');
/** Who corrects stored research data: data management, not the coach who delivers IPS (nor a tablet). */
export const correctors = requireRole('admin', 'trial_manager');

export const responsesRouter: MakeRouter = ({ db }) => {
  const router = express.Router();

  router.put('/responses/:clientUuid', async (req, res) => {
    const tablet = tabletSessionOf(db, req);
    const clientUuid = String(req.params.clientUuid);
    if (tablet && !req.auth) {
      requireTabletCsrf(req, tablet);
      const body = checkSubmission(req.body ?? {});
      if (body.participantId !== undefined && body.participantId !== tablet.participant.id) throw problems.forbidden();
      const actor = { id: null, label: `${tablet.kind} tablet ${tablet.participant.study_id}` };
      const result = await commitTogether(db, () => saveResponse(db, actor, tablet.kind === 'home' ? 'home' : 'tablet', tablet.participant, clientUuid, body));
      return void res.status(result.status === 'created' ? 201 : 200).json(result);
    }
    await new Promise<void>((resolve, reject) => staffRoles(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
    const body = checkSubmission(req.body ?? {});
    if (body.participantId === undefined) throw problems.invalidBody([{ field: 'participantId', message: 'participantId is required' }]);
    const participant = participantFromParam(db, req.auth!.user, String(body.participantId));
    const result = await commitTogether(db, () => saveResponse(db, actorOf(req.auth!.user), 'staff', participant, clientUuid, body));
    res.status(result.status === 'created' ? 201 : 200).json(result);
  });

  router.get('/participants/:id/open-assessment', staffRoles, (req: Request, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    res.json(openAssessment(db, participant, studyToday(db)));
  });

  router.get('/participants/:id/responses', requireParticipantReader, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    res.json({ studyId: participant.study_id, responses: listResponsesOf(db, participant.id, null).map(viewResponse) });
  });

  router.post('/responses/:clientUuid/corrections', correctors, (req, res) => {
    const correction = checkResponseCorrection(req.body);
    res.status(201).json(correctResponse(db, actorOf(req.auth!.user), req.auth!.user, String(req.params.clientUuid), correction));
  });

  router.get('/responses/:clientUuid/corrections', requireParticipantReader, (req, res) => {
    res.json(responseCorrections(db, req.auth!.user, String(req.params.clientUuid)));
  });

  router.get('/participants/:id/corrections', requireParticipantReader, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const corrections = correctionsOfParticipant(db, participant.id).map((c) => (c.recordKind === 'response' ? { ...c, clientUuid: findResponseById(db, c.recordId)?.client_uuid ?? null } : c));
    res.json({ studyId: participant.study_id, corrections });
  });

  return router;
};
