/**
 * Privacy and security review probes: identifiers never reach the audit
 * trail a data monitor reads (JSON and CSV) nor the server's log lines;
 * request bodies with inherited property names (toString, constructor) are
 * unknown fields (400, nothing saved), not silently accepted; a cookie that
 * cannot be decoded is no session; the current password cannot be guessed
 * without limit through a password change.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { createTestServer, TEST_PASSWORD, type TestServer } from './harness';
import { register, registration } from '../operations/fixtures';

describe('security review', () => {
  let server: TestServer;
  let studyId: string;
  const person = registration('TST-A', 9).identity;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await createTestServer();
    studyId = await register(server, 'TST-A', 9);
  });
  afterAll(() => server.close());

  it('keeps identifiers out of the audit trail a data monitor reads and downloads', async () => {
    const tm = server.as('trial_manager');
    const changed = { ...person, person_phone: '070-000 00 77', person_email: 'testperson.nio@example.invalid' };
    expect((await tm.send('PUT', `/api/participants/${studyId}/identifiers`, { identity: changed, reason: 'nytt nummer' })).status).toBe(200);
    expect((await tm.send('POST', '/api/participants', registration('TST-B', 9))).status).toBe(409);
    const json = JSON.stringify((await server.as('data_monitor').get('/api/audit?limit=500')).body);
    const csv = (await server.as('data_monitor').get('/api/audit.csv')).text;
    for (const text of [json, csv]) {
      expect(text).toContain(studyId);
      for (const value of [person.person_name, person.personal_number, person.personal_number.replace('-', ''), person.person_phone, '070-000 00 77', changed.person_email, person.street_address]) {
        expect(text).not.toContain(value);
      }
    }
  });

  it('writes no identifier into the request or error log', async () => {
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const app = createApp(server.config, server.db, pino({ level: 'debug' }, sink));
    const agent = request.agent(app);
    const login = await agent.post('/api/session').send({ email: server.emailOf('trial_manager'), password: TEST_PASSWORD });
    const csrf = login.body.csrf_token as string;
    const reg = registration('TST-A', 10);
    expect((await agent.post('/api/participants').set('X-CSRF-Token', csrf).send(reg)).status).toBe(201);
    expect((await agent.post('/api/participants').set('X-CSRF-Token', csrf).send(reg)).status).toBe(409);
    await agent.get(`/api/participants?q=${encodeURIComponent(reg.identity.person_name)}`);
    const log = lines.join('');
    expect(log).toContain('/api/participants');
    for (const value of [reg.identity.person_name, reg.identity.personal_number, reg.identity.person_phone, TEST_PASSWORD]) expect(log).not.toContain(value);
  });

  it('refuses inherited property names as unknown fields', async () => {
    const before = (await server.as('admin').get('/api/study-settings')).body.settings;
    const settings = await server.as('admin').send('PUT', '/api/study-settings', { toString: 1, reason: 'probe' });
    expect(settings.status).toBe(400);
    expect((await server.as('admin').get('/api/study-settings')).body.settings).toEqual(before);
    const screening = await server.as('trial_manager').send('PUT', `/api/participants/${studyId}/screening`, { screening: { screening_date: '2026-01-12' }, constructor: 'x' });
    expect(screening.status).toBe(400);
    expect(JSON.stringify(screening.body)).toContain('constructor');
  });

  it('answers a cookie that cannot be decoded as no session (401), never 500', async () => {
    for (const cookie of ['ips_trial_session=%E0%A4%A', 'ips_trial_tablet=%ZZ']) {
      for (const url of ['/api/session', '/api/tablet-session']) {
        const res = await request(server.app).get(url).set('Cookie', cookie);
        expect(res.status, `${url} with ${cookie}`).toBe(401);
      }
    }
    const exit = await request(server.app).post('/api/tablet-session/exit').set('Cookie', 'ips_trial_tablet=%ZZ').send({ pin: '1234' });
    expect(exit.status).toBe(401);
  });

  it('limits guesses of the current password through a password change (10 per 15 minutes per staff member)', async () => {
    const monitor = server.as('data_monitor');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await monitor.send('PUT', '/api/session/password', { current_password: `guess-number-${i}`, new_password: 'a-new-password-0001' })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
    const right = await monitor.send('PUT', '/api/session/password', { current_password: TEST_PASSWORD, new_password: 'a-new-password-0001' });
    expect(right.status).toBe(429);
    expect(right.headers['retry-after']).toBeDefined();
  });
});
