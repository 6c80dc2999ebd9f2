/**
 * Employment and education episodes of a participant: GET the history, POST
 * a new episode (form employment_episode), PUT the whole episode corrected
 * (reason required), POST …/corrections {episode: changed fields, reason}
 * (ending an episode is a correction of its end date), DELETE {reason} an
 * episode entered by mistake, GET …/corrections its history. Coaches may
 * write for participants of their own sites.
 */
import express from 'express';
import { requireRole, requireParticipantReader } from '../http/require-role';
import { idParam } from '../http/params';
import { checks, readEnvelope, type Answers } from '../services/operations-forms';
import { participantFromParam } from '../services/participant-access';
import { addEpisode, correctEpisode, deleteEpisode, listEpisodes, updateEpisode } from '../services/participant-progress';
import { correctionsOfRecord, readCorrectionBody, readReason } from '../services/record-corrections';
import { findEpisode } from '../db/queries/employment-episodes';
import { problems } from '../errors';
import { actorOf } from '../services/sessions';
import type { MakeRouter } from './context';

export const episodesRouter: MakeRouter = ({ db }) => {
  const router = express.Router();
  const writers = requireRole('admin', 'trial_manager', 'coach');

  router.get('/participants/:id/episodes', requireParticipantReader, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    res.json({ studyId: participant.study_id, episodes: listEpisodes(db, participant.id) });
  });

  router.post('/participants/:id/episodes', writers, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const body = readEnvelope(req.body, { forms: { episode: 'employment_episode' } });
    res.status(201).json({ episode: addEpisode(db, actorOf(req.auth!.user), participant, body.episode as Answers) });
  });

  router.put('/participants/:id/episodes/:episodeId', writers, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const id = idParam(req, 'episodeId', 'employment episode');
    const body = readEnvelope(req.body, { forms: { episode: 'employment_episode' }, fields: { reason: checks.reason } });
    res.json({ episode: updateEpisode(db, actorOf(req.auth!.user), participant, id, body.episode as Answers, body.reason as string | undefined) });
  });

  router.post('/participants/:id/episodes/:episodeId/corrections', writers, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const id = idParam(req, 'episodeId', 'employment episode');
    const { patch, reason } = readCorrectionBody(req.body, 'episode');
    res.status(201).json(correctEpisode(db, actorOf(req.auth!.user), participant, id, patch, reason));
  });

  router.delete('/participants/:id/episodes/:episodeId', writers, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const id = idParam(req, 'episodeId', 'employment episode');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const extra = Object.keys(body).filter((k) => k !== 'reason');
    if (extra.length) throw problems.invalidBody(extra.map((f) => ({ field: f, message: `unknown field '${f}'` })));
    deleteEpisode(db, actorOf(req.auth!.user), participant, id, readReason(body.reason));
    res.status(204).end();
  });

  router.get('/participants/:id/episodes/:episodeId/corrections', requireParticipantReader, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const id = idParam(req, 'episodeId', 'employment episode');
    const row = findEpisode(db, id);
    if (!row || row.participant_id !== participant.id) throw problems.notFound('employment episode', id);
    res.json({ corrections: correctionsOfRecord(db, 'employment_episode', id) });
  });

  return router;
};
