/**
 * A small in-memory rate limit (fixed window per key, default key the client
 * IP): `rateLimit({ windowMs, max })` answers 429 with Retry-After once a key
 * has made `max` requests in the window. It protects the login endpoint from
 * floods; lockout after failed passwords is kept in the database
 * (services/sessions.ts).
 */
import type { Request, RequestHandler } from 'express';
import { problems } from '../errors';

export interface RateLimitOptions {
  windowMs: number;
  max: number;
  key?: (req: Request) => string;
}

export function rateLimit(options: RateLimitOptions): RequestHandler {
  const windows = new Map<string, { start: number; count: number }>();
  const keyOf = options.key ?? ((req: Request) => req.ip ?? 'unknown');
  return (req, _res, next) => {
    const now = Date.now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k);
    const key = keyOf(req);
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > options.max) {
      return next(problems.tooManyRequests(Math.max(1, Math.ceil((window.start + options.windowMs - now) / 1000))));
    }
    next();
  };
}
