/**
 * Loads the staff session from the `ips_trial_session` cookie (HttpOnly,
 * SameSite=Strict, Secure when configured) onto `req.auth`. A missing,
 * unknown or expired cookie leaves `req.auth` undefined; `requireRole` then
 * answers 401.
 */
import type { CookieOptions, RequestHandler, Response } from 'express';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import { loadSession, type LoadedSession } from '../services/sessions';

export const SESSION_COOKIE = 'ips_trial_session';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** the logged-in staff member's session, when there is one */
      auth?: LoadedSession;
    }
  }
}

/** Reads one cookie from the Cookie header (no dependency needed for one name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined; // a cookie that cannot be decoded is no session, not a server error
      }
    }
  }
  return undefined;
}

export function loadSessionFromCookie(db: Db, config: Pick<Config, 'sessionIdleMinutes'>): RequestHandler {
  return (req, _res, next) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token && /^[A-Za-z0-9_-]{20,100}$/.test(token)) req.auth = loadSession(db, token, config.sessionIdleMinutes) ?? undefined;
    next();
  };
}

function cookieOptions(config: Config): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/' };
}

export function setSessionCookie(res: Response, config: Config, token: string): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(config), maxAge: config.sessionHours * 3_600_000 });
}

export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
