/**
 * The staff session: `POST /api/session` logs in (body form `login`; `totp_code` for an account with a second factor),
 * `GET /api/session` says who is logged in and gives the CSRF token and
 * their two-step verification status (`totp`; routes/totp.ts),
 * `DELETE /api/session` logs out, `PUT /api/session/password` changes one's
 * own password (form `password_change`).
 */
import express from 'express';
import { siteCodesOfUser } from '../db/queries/user-sites';
import { isDemoDatabase } from '../demo/index';
import { clearSessionCookie, setSessionCookie } from '../http/session';
import { requireLogin } from '../http/require-role';
import { noBody, validateBody } from '../http/validate-body';
import { endSession, login, logout } from '../services/sessions';
import { totpStatus } from '../services/totp';
import { changeOwnPassword, toStaffUser } from '../services/users';
import type { MakeRouter } from './context';

export const sessionRouter: MakeRouter = ({ config, db, rateLimits }) => {
  const router = express.Router();
  const loginFlood = rateLimits.limit('login', { windowMs: 60_000, max: 60 });

  router.get('/session', requireLogin, (req, res) => {
    const auth = req.auth!;
    res.json({
      user: toStaffUser(auth.user, siteCodesOfUser(db, auth.user.id)),
      csrf_token: auth.csrfToken,
      expires_at: auth.expiresAt,
      demo: isDemoDatabase(db),
      totp: totpStatus(db, auth.user),
    });
  });

  router.post('/session', loginFlood, validateBody('login'), async (req, res) => {
    const { email, password, totp_code: totpCode } = req.body as { email: string; password: string; totp_code?: string | null };
    const result = await login(db, config, { email, password, totpCode, ip: req.ip ?? 'unknown' });
    if (req.auth) endSession(db, req.auth);
    setSessionCookie(res, config, result.token);
    res.status(201).json({ user: toStaffUser(result.user, siteCodesOfUser(db, result.user.id)), csrf_token: result.csrfToken, totp: totpStatus(db, result.user) });
  });

  router.delete('/session', requireLogin, noBody, (req, res) => {
    logout(db, req.auth!);
    clearSessionCookie(res, config);
    res.status(204).end();
  });

  // the current password must not be guessable by trying from a session left open (the login's lockout does not cover this)
  const passwordGuessLimit = rateLimits.limit('password-change', { windowMs: 15 * 60_000, max: 10, key: (req) => `password:${req.auth!.user.id}` });
  router.put('/session/password', requireLogin, validateBody('password_change'), passwordGuessLimit, async (req, res) => {
    const auth = req.auth!;
    await changeOwnPassword(db, auth.user, auth.tokenHash, req.body as { current_password: string; new_password: string }, config.passwordCost);
    res.status(204).end();
  });

  return router;
};
