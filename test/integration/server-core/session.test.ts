/**
 * Logging in and out, the cookie, CSRF refusal, password change, account
 * deactivation, and lockout after repeated failures (per account and per
 * address), each with its audit entry.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { createTestServer, TEST_PASSWORD, type TestServer } from './harness';

describe('server core: session', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server?.close());

  it('logs in with a HttpOnly SameSite=Strict cookie and says who is logged in', async () => {
    const agent = request.agent(server.app);
    const login = await agent.post('/api/session').send({ email: server.emailOf('coach'), password: TEST_PASSWORD });
    expect(login.status).toBe(201);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/ips_trial_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    expect(login.body.user).toMatchObject({ role: 'coach', sites: ['TST-A'] });
    expect(login.body.user.password_hash).toBeUndefined();
    const me = await agent.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.csrf_token).toBe(login.body.csrf_token);
    expect(me.body.user.email).toBe(server.emailOf('coach'));
    expect(me.body.demo).toBe(false);
  });

  it('gives a wrong password and an unknown email the same 401', async () => {
    const wrong = await request(server.app).post('/api/session').send({ email: server.emailOf('admin'), password: 'wrong-password' });
    const unknown = await request(server.app).post('/api/session').send({ email: 'nobody@test.ips-trial.invalid', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const failed = findAuditEntries(server.db, { action: 'login_failed' }, 10, 0);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    const againstAdmin = failed.find((entry) => entry.entity_id === String(server.ids.admin))!;
    expect(againstAdmin.actor_id).toBeNull();
    expect(againstAdmin.actor).toContain(server.emailOf('admin'));
    for (const entry of failed) expect(entry.after_json).not.toContain('wrong-password');
  });

  it('refuses state-changing requests without the right X-CSRF-Token', async () => {
    const agent = request.agent(server.app);
    await agent.post('/api/session').send({ email: server.emailOf('admin'), password: TEST_PASSWORD }).expect(201);
    const body = { code: 'CSRF-1', name: 'C', region: 'R', places_min: 4 };
    const missing = await agent.post('/api/sites').send(body);
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_token_invalid');
    const wrong = await agent.post('/api/sites').set('X-CSRF-Token', 'x'.repeat(43)).send(body);
    expect(wrong.status).toBe(403);
    const logout = await agent.delete('/api/session');
    expect(logout.status).toBe(403);
    expect((await agent.get('/api/sites/CSRF-1')).status).toBe(404);
    const token = (await agent.get('/api/session')).body.csrf_token as string;
    expect((await agent.post('/api/sites').set('X-CSRF-Token', token).send(body)).status).toBe(201);
  });

  it('logs out: the old cookie no longer works', async () => {
    const agent = request.agent(server.app);
    const login = await agent.post('/api/session').send({ email: server.emailOf('evaluator'), password: TEST_PASSWORD });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    await agent.delete('/api/session').set('X-CSRF-Token', login.body.csrf_token).expect(204);
    const replay = await request(server.app).get('/api/session').set('Cookie', cookie);
    expect(replay.status).toBe(401);
  });

  it('changes a password: the old one stops working, other sessions end', async () => {
    const email = 'changer@test.ips-trial.invalid';
    await server.as('admin').send('POST', '/api/users', { email, display_name: 'Changer', role: 'coach', password: TEST_PASSWORD }).expect(201);
    const first = request.agent(server.app);
    const other = request.agent(server.app);
    const login = await first.post('/api/session').send({ email, password: TEST_PASSWORD });
    await other.post('/api/session').send({ email, password: TEST_PASSWORD }).expect(201);
    const wrong = await first.put('/api/session/password').set('X-CSRF-Token', login.body.csrf_token).send({ current_password: 'nope-nope-nope', new_password: 'a-new-password-2' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].field).toBe('current_password');
    await first.put('/api/session/password').set('X-CSRF-Token', login.body.csrf_token).send({ current_password: TEST_PASSWORD, new_password: 'a-new-password-2' }).expect(204);
    expect((await first.get('/api/session')).status).toBe(200);
    expect((await other.get('/api/session')).status).toBe(401);
    expect((await request(server.app).post('/api/session').send({ email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await request(server.app).post('/api/session').send({ email, password: 'a-new-password-2' })).status).toBe(201);
  });

  it('deactivating a user ends their sessions and stops their logins', async () => {
    const email = 'leaver@test.ips-trial.invalid';
    const created = await server.as('admin').send('POST', '/api/users', { email, display_name: 'Leaver', role: 'coach', password: TEST_PASSWORD, site_code: 'TST-A' });
    const agent = request.agent(server.app);
    await agent.post('/api/session').send({ email, password: TEST_PASSWORD }).expect(201);
    const res = await server.as('admin').send('PATCH', `/api/users/${created.body.user.id}`, { active: false });
    expect(res.body.user.active).toBe(false);
    expect((await agent.get('/api/session')).status).toBe(401);
    const again = await request(server.app).post('/api/session').send({ email, password: TEST_PASSWORD });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('bad_credentials');
    expect(findAuditEntries(server.db, { action: 'deactivate', entityId: String(created.body.user.id) }, 5, 0)).toHaveLength(1);
  });

  it('ends the previous session when the same browser logs in again', async () => {
    const agent = request.agent(server.app);
    const first = await agent.post('/api/session').send({ email: server.emailOf('coach'), password: TEST_PASSWORD });
    const oldCookie = String(first.headers['set-cookie']).split(';')[0];
    await agent.post('/api/session').send({ email: server.emailOf('coach'), password: TEST_PASSWORD }).expect(201);
    expect((await request(server.app).get('/api/session').set('Cookie', oldCookie)).status).toBe(401);
    expect((await agent.get('/api/session')).status).toBe(200);
  });

  it('refuses an expired session', async () => {
    const agent = request.agent(server.app);
    await agent.post('/api/session').send({ email: server.emailOf('data_monitor'), password: TEST_PASSWORD }).expect(201);
    server.db.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?').run('2000-01-01T00:00:00.000Z', server.ids.data_monitor);
    expect((await agent.get('/api/session')).status).toBe(401);
    await server.relogin('data_monitor');
  });

  it('ends a session left idle for longer than the idle limit', async () => {
    const agent = request.agent(server.app);
    await agent.post('/api/session').send({ email: server.emailOf('evaluator'), password: TEST_PASSWORD }).expect(201);
    const idleSince = new Date(Date.now() - (server.config.sessionIdleMinutes + 1) * 60_000).toISOString();
    server.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE user_id = ?').run(idleSince, server.ids.evaluator);
    expect((await agent.get('/api/session')).status).toBe(401);
    await server.relogin('evaluator');
  });

  it('an admin cannot deactivate themselves', async () => {
    const res = await server.as('admin').send('PATCH', `/api/users/${server.ids.admin}`, { active: false });
    expect(res.status).toBe(409);
    expect((await server.as('admin').get('/api/session')).status).toBe(200);
  });
});

describe('server core: secure cookies', () => {
  it('marks the cookie Secure when the server is configured for https', async () => {
    const server = await createTestServer({ secureCookies: true });
    try {
      const res = await request(server.app).post('/api/session').send({ email: server.emailOf('admin'), password: TEST_PASSWORD });
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
      expect(res.headers['strict-transport-security']).toBeDefined();
    } finally {
      server.close();
    }
  });
});

describe('server core: login lockout', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ login: { pairFailures: 3, accountFailures: 6, ipFailures: 8, windowMinutes: 15, lockMinutes: 15 } });
  });
  afterAll(() => server?.close());

  it('locks an account after repeated failures, even for the right password, with 429 and an audit entry', async () => {
    const email = server.emailOf('trial_manager');
    for (let i = 0; i < 3; i++) {
      expect((await request(server.app).post('/api/session').send({ email, password: `wrong-${i}` })).status).toBe(401);
    }
    const locked = await request(server.app).post('/api/session').send({ email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('login_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(findAuditEntries(server.db, { action: 'login_locked' }, 5, 0)).toHaveLength(1);
    expect(findAuditEntries(server.db, { action: 'login_refused' }, 5, 0).length).toBeGreaterThanOrEqual(1);
    // other accounts are not affected
    expect((await request(server.app).post('/api/session').send({ email: server.emailOf('evaluator'), password: TEST_PASSWORD })).status).toBe(201);
  });

  it('treats an unknown email exactly like a known one when locking', async () => {
    const email = 'ghost@test.ips-trial.invalid';
    for (let i = 0; i < 3; i++) await request(server.app).post('/api/session').send({ email, password: 'wrong' });
    const res = await request(server.app).post('/api/session').send({ email, password: 'wrong' });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('login_locked');
  });

  it('refuses an address after too many failures across accounts', async () => {
    // 3 + 3 failures above from this address; two more reach the limit of 8
    for (let i = 0; i < 2; i++) await request(server.app).post('/api/session').send({ email: `other${i}@test.ips-trial.invalid`, password: 'wrong' });
    const res = await request(server.app).post('/api/session').send({ email: server.emailOf('data_monitor'), password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('too_many_requests');
  });
});

describe('server core: parallel password guessing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ login: { pairFailures: 3, accountFailures: 3, ipFailures: 1000, windowMinutes: 15, lockMinutes: 15 } });
  });
  afterAll(() => server?.close());

  it('does not let the right password through once parallel guesses have locked the account', async () => {
    const email = server.emailOf('coach');
    const guesses = Array.from({ length: 6 }, (_, i) => request(server.app).post('/api/session').send({ email, password: `guess-${i}` }));
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const right = await request(server.app).post('/api/session').send({ email, password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('login_locked');
  });
});

describe('server core: lockout behind one address', () => {
  let server: TestServer;
  // behind a reverse proxy: the client address comes from X-Forwarded-For
  const from = (address: string, body: object) => request(server.app).post('/api/session').set('X-Forwarded-For', address).send(body);
  beforeAll(async () => {
    server = await createTestServer({ trustProxy: true, login: { pairFailures: 3, accountFailures: 6, ipFailures: 12, windowMinutes: 15, lockMinutes: 15 } });
  });
  afterAll(() => server?.close());

  it('locks one email from one address without locking out others behind that address', async () => {
    const clinic = '203.0.113.7';
    const victim = server.emailOf('coach');
    for (let i = 0; i < 3; i++) expect((await from(clinic, { email: victim, password: `wrong-${i}` })).status).toBe(401);
    const locked = await from(clinic, { email: victim, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('login_locked');
    // colleagues at the same clinic address still log in
    for (const role of ['trial_manager', 'evaluator'] as const) {
      expect((await from(clinic, { email: server.emailOf(role), password: TEST_PASSWORD })).status).toBe(201);
    }
    // the locked person still logs in from another address
    expect((await from('198.51.100.20', { email: victim, password: TEST_PASSWORD })).status).toBe(201);
  });

  it('locks an email guessed from many addresses, and refuses an address spraying many emails', async () => {
    const target = server.emailOf('data_monitor');
    for (let i = 0; i < 6; i++) await from(`198.51.100.${100 + i}`, { email: target, password: `guess-${i}` });
    const fromNew = await from('198.51.100.200', { email: target, password: TEST_PASSWORD });
    expect(fromNew.status).toBe(429);
    expect(fromNew.body.error.code).toBe('login_locked');

    const sprayer = '192.0.2.50';
    for (let i = 0; i < 12; i++) await from(sprayer, { email: `user${i}@test.ips-trial.invalid`, password: 'Winter2026!' });
    const refused = await from(sprayer, { email: server.emailOf('admin'), password: TEST_PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    expect((await from('192.0.2.51', { email: server.emailOf('admin'), password: TEST_PASSWORD })).status).toBe(201);
  });
});
