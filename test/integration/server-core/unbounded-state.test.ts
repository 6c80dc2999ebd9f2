/**
 * No state grows with what an unauthenticated client sends: random large
 * cookies on the kiosk exit (once kept per raw cookie for 15 minutes, until
 * the process ran out of memory) keep no rate-limit window; a Cookie header
 * over 4 KB is refused with 431 before anything reads it; a valid tablet
 * session still has its 10 PIN tries.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimits } from '../../../server/http/rate-limit';
import { register } from '../operations/fixtures';
import { createTestServer, TEST_PASSWORD, type TestServer } from './harness';

describe('server core: no unbounded state before authentication', () => {
  let server: TestServer;
  let sizes: () => Record<string, number>;
  beforeAll(async () => {
    server = await createTestServer();
    sizes = () => (server.app.locals.rateLimits as RateLimits).sizes();
  });
  afterAll(() => server?.close());

  it('keeps no window for random tablet cookies on the kiosk exit, large or small', async () => {
    const before = sizes()['tablet-exit'];
    for (let i = 0; i < 200; i++) {
      const token = randomBytes(i % 2 ? 2_000 : 30).toString('base64url');
      const res = await request(server.app).post('/api/tablet-session/exit').set('Cookie', `ips_trial_tablet=${token}`).send({ pin: '1234' });
      expect(res.status).toBe(401);
    }
    expect(sizes()['tablet-exit']).toBe(before);
  });

  it('refuses a Cookie header over 4 KB with 431 on the API and the pages', async () => {
    const cookie = `ips_trial_tablet=${'a'.repeat(14_000)}`;
    const before = JSON.stringify(sizes());
    for (const [method, url] of [['post', '/api/tablet-session/exit'], ['get', '/api/session'], ['get', '/']] as const) {
      const res = await request(server.app)[method](url).set('Cookie', cookie);
      expect(res.status, url).toBe(431);
      expect(res.body.error.code).toBe('cookies_too_large');
    }
    expect(JSON.stringify(sizes())).toBe(before);
    const normal = await request(server.app).get('/api/session').set('Cookie', `other=${'b'.repeat(3_000)}`);
    expect(normal.status).toBe(401);
  });

  it('still counts PIN tries of a real tablet session, one window per session', async () => {
    const studyId = await register(server, 'TST-A', 2);
    const tablet = request.agent(server.app);
    const login = await tablet.post('/api/session').send({ email: server.emailOf('trial_manager'), password: TEST_PASSWORD });
    const opened = await tablet.post(`/api/participants/${studyId}/tablet-session`).set('X-CSRF-Token', login.body.csrf_token).send({ pin: '2468' });
    expect(opened.status).toBe(201);
    const before = sizes()['tablet-exit'];
    const statuses: number[] = [];
    for (let pin = 0; pin < 11; pin++) statuses.push((await tablet.post('/api/tablet-session/exit').set('X-CSRF-Token', opened.body.tabletSession.csrfToken).send({ pin: String(1000 + pin) })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
    expect(sizes()['tablet-exit']).toBe(before + 1);
  });
});
