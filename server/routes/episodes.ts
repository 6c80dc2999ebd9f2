/**
 * Employment and education episodes of a participant: GET the history, POST
 * a new episode (form employment_episode), PUT a correction (reason
 * required). Coaches may write for participants of their own sites.
 */
import express from 'express';
import { requireRole, requireParticipantReader } from '../http/require-role';
import { idParam } from '../http/params';
import { checks, readEnvelope, type Answers } from '../services/operations-forms';
import { participantFromParam } from '../services/participant-access';
import { addEpisode, listEpisodes, updateEpisode } from '../services/participant-progress';
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

  return router;
};
