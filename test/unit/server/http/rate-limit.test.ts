import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { Problem } from '../../../../server/errors';
import { rateLimit, rateLimits } from '../../../../server/http/rate-limit';

function hit(limiter: ReturnType<typeof rateLimit>, ip: string): unknown {
  let passed: unknown = 'not called';
  limiter({ ip } as Request, {} as Response, (err?: unknown) => (passed = err));
  return passed;
}

describe('server/http/rate-limit', () => {
  it('answers 429 after max requests of one key in the window, and counts keys apart', () => {
    const limiter = rateLimit({ windowMs: 60_000, max: 3 });
    expect([1, 2, 3].map(() => hit(limiter, '10.0.0.1'))).toEqual([undefined, undefined, undefined]);
    const refused = hit(limiter, '10.0.0.1');
    expect(refused).toBeInstanceOf(Problem);
    expect((refused as Problem).status).toBe(429);
    expect(hit(limiter, '10.0.0.2')).toBeUndefined();
  });

  it('keeps at most maxKeys windows, dropping the oldest', () => {
    const limiter = rateLimit({ windowMs: 60_000, max: 1, maxKeys: 100 });
    hit(limiter, 'first');
    for (let i = 0; i < 1000; i++) hit(limiter, `addr-${i}`);
    expect(limiter.size()).toBe(100);
    expect(hit(limiter, 'addr-999')).toBeInstanceOf(Problem); // the newest is still counted
    expect(hit(limiter, 'first')).toBeUndefined(); // the oldest was dropped
  });

  it('counts nothing when the key function says there is nothing to count', () => {
    const limiter = rateLimit({ windowMs: 60_000, max: 1, key: () => null });
    for (let i = 0; i < 5; i++) expect(hit(limiter, 'x')).toBeUndefined();
    expect(limiter.size()).toBe(0);
  });

  it('refuses an unbounded key as a programmer error', () => {
    const limiter = rateLimit({ windowMs: 60_000, max: 1, key: (req) => `raw:${req.ip}` });
    expect(() => hit(limiter, 'x'.repeat(500))).toThrow(/bounded/);
  });

  it('reports the sizes of named limiters and refuses a name twice', () => {
    const limits = rateLimits();
    const login = limits.limit('login', { windowMs: 60_000, max: 5 });
    hit(login, 'a');
    hit(login, 'b');
    expect(limits.sizes()).toEqual({ login: 2 });
    expect(() => limits.limit('login', { windowMs: 1, max: 1 })).toThrow(/exists/);
  });
});
