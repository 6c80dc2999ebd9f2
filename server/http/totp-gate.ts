/**
 * The TOTP gate: a logged-in staff member whose role must use two-step
 * verification (the admin's policy, services/totp.ts) and who has not set it
 * up yet may reach only their session (GET/DELETE /api/session) and the
 * set-up (/api/session/totp…); everything else answers 403
 * `totp_enrolment_required`.
 */
import type { RequestHandler } from 'express';
import type { Db } from '../db/connection';
import { problems } from '../errors';
import { totpStatus } from '../services/totp';

const open = (method: string, path: string) =>
  path.startsWith('/session/totp') || (path === '/session' && (method === 'GET' || method === 'DELETE'));

export function totpGate(db: Db): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth || open(req.method, req.path)) return next();
    if (totpStatus(db, req.auth.user).must_enrol) return next(problems.totpEnrolmentRequired());
    next();
  };
}
