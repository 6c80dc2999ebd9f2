/**
 * The study's instrument wording (EQ-5D, GSE: server/services/instrument-wording.ts):
 * GET /api/instrument-wording → { wording: status } (where it comes from,
 * its source line, completeness per form and language, every earlier load)
 * for admins and trial managers; PUT /api/instrument-wording with the
 * wording JSON (the shape of the IPS_LICENSED_WORDING file) loads a new one
 * (admin; audited; 409 when the server's file is set; 400 naming each
 * problem).
 */
import express from 'express';
import { forms } from '../../data-dictionary/index';
import { readLicensedWording } from '../config';
import { requireRole } from '../http/require-role';
import { loadWording, wordingStatus } from '../services/instrument-wording';
import { actorOf } from '../services/sessions';
import type { MakeRouter } from './context';

export const instrumentWordingRouter: MakeRouter = ({ db, config }) => {
  const router = express.Router();
  // read and checked once at start-up: a bad file stops the server
  const fileWording = config.licensedWording ? readLicensedWording(config.licensedWording, forms) : null;

  router.get('/instrument-wording', requireRole('admin', 'trial_manager'), (_req, res) => {
    res.json({ wording: wordingStatus(db, fileWording) });
  });

  router.put('/instrument-wording', requireRole('admin'), (req, res) => {
    res.json({ wording: loadWording(db, actorOf(req.auth!.user), fileWording, req.body ?? null) });
  });

  return router;
};
