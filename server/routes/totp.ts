/**
 * Two-step verification (TOTP, services/totp.ts). Each staff member:
 * `GET /api/session/totp` (their status), `POST /api/session/totp` (start an
 * enrolment: the secret and otpauth:// URI, shown only in this answer),
 * `POST /api/session/totp/confirm` (form `totp_confirm`: a code of the app
 * makes it active). Admins: `GET`/`PUT /api/totp-policy` (form `totp_policy`:
 * the roles that must use it) and `POST /api/users/:id/totp-reset` (form
 * `totp_reset`, with a reason).
 */
import express from 'express';
import { idParam } from '../http/params';
import { requireLogin, requireRole } from '../http/require-role';
import { noBody, validateBody } from '../http/validate-body';
import { actorOf } from '../services/sessions';
import { confirmTotpEnrolment, getTotpPolicy, resetTotp, setTotpPolicy, startTotpEnrolment, totpStatus, type TotpPolicy } from '../services/totp';
import type { MakeRouter } from './context';

export const totpRouter: MakeRouter = ({ config, db, rateLimits }) => {
  const router = express.Router();
  const adminOnly = requireRole('admin');
  // a code of six digits must not be guessable from an open session
  const confirmGuessLimit = rateLimits.limit('totp-confirm', { windowMs: 15 * 60_000, max: 10, key: (req) => `totp:${req.auth!.user.id}` });

  router.get('/session/totp', requireLogin, (req, res) => {
    res.json({ totp: totpStatus(db, req.auth!.user) });
  });

  router.post('/session/totp', requireLogin, noBody, (req, res) => {
    const enrolment = startTotpEnrolment(db, config, req.auth!.user);
    res.status(201).json({ enrolment, totp: totpStatus(db, req.auth!.user) });
  });

  router.post('/session/totp/confirm', requireLogin, validateBody('totp_confirm'), confirmGuessLimit, (req, res) => {
    res.json({ totp: confirmTotpEnrolment(db, config, req.auth!.user, (req.body as { code: string }).code) });
  });

  router.get('/totp-policy', adminOnly, (_req, res) => {
    res.json({ policy: getTotpPolicy(db) });
  });

  router.put('/totp-policy', adminOnly, validateBody('totp_policy'), (req, res) => {
    res.json({ policy: setTotpPolicy(db, actorOf(req.auth!.user), req.body as TotpPolicy & { reason?: string }) });
  });

  router.post('/users/:id/totp-reset', adminOnly, validateBody('totp_reset'), (req, res) => {
    resetTotp(db, actorOf(req.auth!.user), idParam(req, 'id', 'staff user'), (req.body as { reason: string }).reason);
    res.status(204).end();
  });

  return router;
};
