/**
 * Study settings of trial operations: GET (every staff role; randomization
 * settings only for admins, who also get `locks` — each setting that cannot
 * change now, with the group, the cause and the count behind it — and the
 * known EQ-5D `value_sets`), PUT (admin; randomization settings, strata,
 * EQ-5D value set and questionnaire version are locked after the first
 * allocation: 409 with the reason).
 */
import express from 'express';
import { listValueSets } from '../../instruments/eq5d/index';
import { requireLogin, requireRole } from '../http/require-role';
import { actorOf } from '../services/sessions';
import { currentSettingLocks, getStudySettings, RANDOMIZATION_SETTINGS, updateStudySettings, type StudySettings } from '../services/study-settings';
import { problems } from '../errors';
import type { MakeRouter } from './context';

export const studySettingsRouter: MakeRouter = ({ db }) => {
  const router = express.Router();
  const instrumentOf = new Map(listValueSets().map((v) => [v.id, v.instrument]));

  // Block sizes and the method are shown only to admins: staff who allocate
  // should not know the block sizes (allocation concealment).
  router.get('/study-settings', requireLogin, (req, res) => {
    const settings: Partial<StudySettings> = { ...getStudySettings(db) };
    if (req.auth!.user.role !== 'admin') {
      for (const key of RANDOMIZATION_SETTINGS) delete settings[key];
      return res.json({ settings });
    }
    res.json({ settings, locks: currentSettingLocks(db), value_sets: listValueSets().map((v) => ({ id: v.id, instrument: v.instrument })) });
  });

  router.put('/study-settings', requireRole('admin'), (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw problems.bodyNotObject();
    const { reason, ...changes } = body;
    if (reason !== undefined && typeof reason !== 'string') throw problems.invalidBody([{ field: 'reason', message: 'reason must be text' }]);
    res.json({ settings: updateStudySettings(db, actorOf(req.auth!.user), changes, (reason as string | undefined) ?? null, (id) => instrumentOf.get(id) ?? null) });
  });

  return router;
};
