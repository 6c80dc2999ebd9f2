/**
 * Refuses a request whose Cookie header is larger than `limitBytes`
 * (default 4 KB) with 431 `cookies_too_large`, before anything reads it.
 * The platform's own cookies need about 1.2 KB at most (session, tablet
 * session, marker and up to 21 delivery tokens); anything far larger is an
 * attack on memory or a browser that should clear this site's cookies.
 */
import type { RequestHandler } from 'express';
import { problems } from '../errors';

export const COOKIE_LIMIT_BYTES = 4096;

export function cookieSizeLimit(limitBytes = COOKIE_LIMIT_BYTES): RequestHandler {
  return (req, _res, next) => {
    const cookie = req.headers.cookie;
    if (cookie !== undefined && Buffer.byteLength(cookie, 'latin1') > limitBytes) return next(problems.cookiesTooLarge(limitBytes));
    next();
  };
}
