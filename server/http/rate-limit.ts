/**
 * A small in-memory rate limit (fixed window per key, default key the client
 * address): `rateLimit({ windowMs, max })` answers 429 with Retry-After once
 * a key has made `max` requests in the window. It protects the login
 * endpoint from floods, and PINs and codes from guessing; lockout after
 * failed passwords is kept in the database (services/sessions.ts).
 *
 * The state is bounded whatever a client sends: keys must be bounded values
 * (an address, the hash of a validated session — never raw request text;
 * a key longer than 200 characters is a programmer error), a key function
 * may return null to skip counting (e.g. no valid session: the route answers
 * 401 without keeping anything), and at most `maxKeys` windows are kept:
 * expired windows are dropped as new ones start, and when full the oldest
 * goes. `size()` tells how many are kept. The app's limiters are made
 * through one `RateLimits` (`rateLimits.limit(name, options)`), kept on
 * `app.locals.rateLimits`, so their sizes can be read by name.
 */
import type { Request, RequestHandler } from 'express';
import { problems } from '../errors';

export interface RateLimitOptions {
  windowMs: number;
  max: number;
  /** a bounded value, or null to let the request through uncounted */
  key?: (req: Request) => string | null;
  /** most windows kept at once (default 10,000) */
  maxKeys?: number;
}

export type RateLimiter = RequestHandler & { size: () => number };

const MAX_KEY_LENGTH = 200;

export function rateLimit(options: RateLimitOptions): RateLimiter {
  // insertion order is age order: a window is deleted and set again when it restarts
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  const keyOf = options.key ?? ((req: Request) => req.ip ?? 'unknown');

  /** Drops expired windows from the front (the oldest), then the oldest live ones while full. */
  function makeRoom(now: number): void {
    for (const [k, w] of windows) {
      if (now - w.start < options.windowMs && windows.size < maxKeys) return;
      windows.delete(k);
    }
  }

  const handler: RequestHandler = (req, _res, next) => {
    const key = keyOf(req);
    if (key === null) return next();
    if (key.length > MAX_KEY_LENGTH) throw new Error(`rateLimit: key of ${key.length} characters; keys must be bounded values`);
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      windows.delete(key);
      makeRoom(now);
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > options.max) {
      return next(problems.tooManyRequests(Math.max(1, Math.ceil((window.start + options.windowMs - now) / 1000))));
    }
    next();
  };
  return Object.assign(handler, { size: () => windows.size });
}

/** The named limiters of one app. */
export interface RateLimits {
  limit(name: string, options: RateLimitOptions): RateLimiter;
  /** windows kept per limiter name */
  sizes(): Record<string, number>;
}

export function rateLimits(): RateLimits {
  const byName = new Map<string, RateLimiter>();
  return {
    limit(name, options) {
      if (byName.has(name)) throw new Error(`rateLimits: a limiter named '${name}' exists already`);
      const limiter = rateLimit(options);
      byName.set(name, limiter);
      return limiter;
    },
    sizes: () => Object.fromEntries([...byName].map(([name, limiter]) => [name, limiter.size()])),
  };
}
