/**
 * CSRF protection for state-changing requests (POST, PUT, PATCH, DELETE)
 * made with a session: the `X-CSRF-Token` header must equal the session's
 * token (from `GET /api/session` or the login answer). Logging in itself
 * (`POST /api/session`) needs no token: there is no session yet, and the
 * SameSite=Strict cookie plus the JSON-only body rule stop cross-site forms.
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { problems } from '../errors';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || !req.auth) return next();
  if (req.method === 'POST' && req.path === '/session') return next();
  const sent = req.get(CSRF_HEADER);
  if (!sent || !same(sent, req.auth.csrfToken)) return next(problems.csrf());
  next();
};
