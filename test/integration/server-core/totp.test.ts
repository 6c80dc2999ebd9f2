/**
 * Two-step verification (TOTP) through the real API on a real SQLite file:
 * enrolment confirmed by a code before it is active, the code asked at login,
 * no code accepted twice, wrong codes counted toward the lockout, the
 * admin's policy sending staff without it to the set-up (and nowhere else),
 * the admin's audited reset, the secret stored only encrypted, and a missing
 * totp-key.key stopping the start once a secret depends on it. Codes are
 * computed by test/web/totp-code.ts (node:crypto), not by the server's module.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { checkTrialSecrets, secretFile, TOTP_KEY } from '../../../server/secrets';
import { base32ToBytes, codeAt, stepNow } from '../../web/totp-code';
import { createTestServer, TEST_PASSWORD, type TestServer } from './harness';

const lastStep = (server: TestServer, userId: number) => (server.db.prepare('SELECT last_step FROM user_totp WHERE user_id = ?').get(userId) as { last_step: number }).last_step;

async function enrol(server: TestServer, agent: ReturnType<typeof request.agent>, csrf: string): Promise<string> {
  const started = await agent.post('/api/session/totp').set('X-CSRF-Token', csrf);
  expect(started.status).toBe(201);
  const secret = started.body.enrolment.secret as string;
  const confirmed = await agent.post('/api/session/totp/confirm').set('X-CSRF-Token', csrf).send({ code: codeAt(secret, stepNow()) });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return secret;
}

async function loginAgent(server: TestServer, email: string, totpCode?: string) {
  const agent = request.agent(server.app);
  const res = await agent.post('/api/session').send({ email, password: TEST_PASSWORD, ...(totpCode ? { totp_code: totpCode } : {}) });
  return { agent, res, csrf: res.body.csrf_token as string };
}

describe('server core: two-step verification (TOTP)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ login: { pairFailures: 4, accountFailures: 10, ipFailures: 50, windowMinutes: 15, lockMinutes: 15 } });
  });
  afterAll(() => server?.close());

  it('is active only after a code confirms the enrolment, and keeps the secret only encrypted', async () => {
    const { agent, csrf } = await loginAgent(server, server.emailOf('evaluator'));
    const started = await agent.post('/api/session/totp').set('X-CSRF-Token', csrf);
    expect(started.status).toBe(201);
    const { secret, otpauth_uri: uri } = started.body.enrolment as { secret: string; otpauth_uri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(new URL(uri).searchParams.get('secret')).toBe(secret);
    expect(uri).toContain(encodeURIComponent(server.emailOf('evaluator')));
    const qr = started.body.enrolment.qr_image as string;
    expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qr.split(',')[1], 'base64').toString()).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<path[^>]* d="M/s);
    expect(started.body.totp).toEqual({ enrolled: false, pending: true, required: false, must_enrol: false });
    // not active yet: the login asks for no code
    expect((await loginAgent(server, server.emailOf('evaluator'))).res.status).toBe(201);

    const wrong = await agent.post('/api/session/totp/confirm').set('X-CSRF-Token', csrf).send({ code: codeAt(secret, stepNow() + 5) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('bad_totp_code');
    expect((await agent.get('/api/session/totp')).body.totp.enrolled).toBe(false);

    const confirmed = await agent.post('/api/session/totp/confirm').set('X-CSRF-Token', csrf).send({ code: codeAt(secret, stepNow()) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.totp).toMatchObject({ enrolled: true, pending: false });
    const again = await agent.post('/api/session/totp').set('X-CSRF-Token', csrf);
    expect(again.status).toBe(409);

    // the secret is nowhere in the database file, in Base32 or as bytes, nor in any answer after the enrolment
    server.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(server.config.dbFile);
    expect(file.includes(secret)).toBe(false);
    expect(file.includes(base32ToBytes(secret))).toBe(false);
    expect(file.includes(base32ToBytes(secret).toString('hex'))).toBe(false);
    expect(JSON.stringify((await agent.get('/api/session')).body)).not.toContain(secret);
    expect(JSON.stringify((await agent.get('/api/session/totp')).body)).not.toContain(secret);
    const audit = findAuditEntries(server.db, { entity: 'user', entityId: String(server.ids.evaluator) }, 20, 0);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['totp_enrol_start', 'totp_enrol']));
    for (const entry of audit) expect(`${entry.before_json}${entry.after_json}`).not.toContain(secret);
  });

  it('asks for the code at login and accepts each code once, within its window', async () => {
    const first = await loginAgent(server, server.emailOf('data_monitor'));
    const secret = await enrol(server, first.agent, first.csrf);
    const email = server.emailOf('data_monitor');

    const without = await loginAgent(server, email);
    expect(without.res.status).toBe(401);
    expect(without.res.body.error.code).toBe('totp_required');
    expect(String(without.res.headers['set-cookie'] ?? '')).not.toContain('ips_trial_session=');

    // the code that confirmed the enrolment cannot log in (same step)
    const used = lastStep(server, server.ids.data_monitor);
    const replayOfConfirm = await loginAgent(server, email, codeAt(secret, used));
    expect(replayOfConfirm.res.status).toBe(401);
    expect(replayOfConfirm.res.body.error.code).toBe('bad_totp_code');

    const next = codeAt(secret, used + 1);
    const ok = await loginAgent(server, email, next);
    expect(ok.res.status, JSON.stringify(ok.res.body)).toBe(201);
    expect((await ok.agent.get('/api/session')).status).toBe(200);
    const replay = await loginAgent(server, email, next);
    expect(replay.res.status).toBe(401);
    expect(replay.res.body.error.code).toBe('bad_totp_code');
    // far outside the window
    expect((await loginAgent(server, email, codeAt(secret, stepNow() + 10))).res.status).toBe(401);
    // a wrong password with a right code is still a wrong password
    const wrongPassword = await request(server.app).post('/api/session').send({ email, password: 'not-the-password', totp_code: codeAt(secret, used + 2) });
    expect(wrongPassword.body.error.code).toBe('bad_credentials');
  });

  it('counts wrong codes toward the lockout, which then refuses even the right code', async () => {
    const first = await loginAgent(server, 'target@test.ips-trial.invalid');
    const targetSecret = await enrol(server, first.agent, first.csrf);
    const used = lastStep(server, server.ids.target);
    for (let i = 0; i < 4; i++) {
      const wrong = await loginAgent(server, 'target@test.ips-trial.invalid', codeAt(targetSecret, used + 20 + i));
      expect(wrong.res.body.error.code).toBe('bad_totp_code');
    }
    const locked = await loginAgent(server, 'target@test.ips-trial.invalid', codeAt(targetSecret, used + 1));
    expect(locked.res.status).toBe(429);
    expect(locked.res.body.error.code).toBe('login_locked');
    const failures = findAuditEntries(server.db, { action: 'login_failed', entityId: String(server.ids.target) }, 10, 0);
    expect(failures).toHaveLength(4);
    expect(JSON.parse(failures[0].after_json!)).toMatchObject({ wrong: 'totp_code' });
    expect(findAuditEntries(server.db, { action: 'login_locked', entityId: String(server.ids.target) }, 5, 0)).toHaveLength(1);
  });

  it('sends staff of a required role without a second factor to the set-up, and nowhere else, until it is confirmed', async () => {
    const refused = await server.as('trial_manager').send('PUT', '/api/totp-policy', { required_roles: ['coach'] });
    expect(refused.status).toBe(403);
    // the admin, not enrolled, cannot require it of admins (that would lock them out of this page)
    const ownRole = await server.as('admin').send('PUT', '/api/totp-policy', { required_roles: ['admin', 'coach'] });
    expect(ownRole.status).toBe(409);
    expect(ownRole.body.error.fields[0].field).toBe('required_roles');
    expect((await server.as('admin').get('/api/totp-policy')).body.policy.required_roles).toEqual([]);
    const set = await server.as('admin').send('PUT', '/api/totp-policy', { required_roles: ['coach', 'trial_manager'], reason: 'data protection review' });
    expect(set.status).toBe(200);
    expect(set.body.policy).toEqual({ required_roles: ['trial_manager', 'coach'] });
    const policyAudit = findAuditEntries(server.db, { entity: 'totp_policy' }, 5, 0);
    expect(policyAudit).toHaveLength(1);
    expect(policyAudit[0].reason).toBe('data protection review');

    // the coach's session from before the policy is now held at the set-up
    const coach = server.as('coach');
    const blocked = await coach.get('/api/participants');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('totp_enrolment_required');
    expect((await coach.send('POST', '/api/time-logs', {})).body.error.code).toBe('totp_enrolment_required');
    const me = await coach.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.totp).toEqual({ enrolled: false, pending: false, required: true, must_enrol: true });
    // roles the policy does not name are not held
    expect((await server.as('evaluator').get('/api/consort')).status).toBe(200);

    const started = await coach.send('POST', '/api/session/totp');
    expect(started.status).toBe(201);
    expect((await coach.get('/api/participants')).status).toBe(403);
    const confirm = await coach.send('POST', '/api/session/totp/confirm', { code: codeAt(started.body.enrolment.secret, stepNow()) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.totp).toEqual({ enrolled: true, pending: false, required: true, must_enrol: false });
    expect((await coach.get('/api/participants')).status).toBe(200);
    expect((await server.as('admin').get('/api/users')).body.users.find((u: { id: number }) => u.id === server.ids.coach).totp_enrolled).toBe(true);
  });

  it('lets an admin reset a second factor with a reason: the sessions end and the next login asks for none', async () => {
    const noReason = await server.as('admin').send('POST', `/api/users/${server.ids.coach}/totp-reset`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].field).toBe('reason');
    expect((await server.as('coach').send('POST', `/api/users/${server.ids.evaluator}/totp-reset`, { reason: 'x' })).status).toBe(403);
    const reset = await server.as('admin').send('POST', `/api/users/${server.ids.coach}/totp-reset`, { reason: 'phone lost' });
    expect(reset.status).toBe(204);
    expect((await server.as('coach').get('/api/session')).status).toBe(401);
    const entry = findAuditEntries(server.db, { action: 'totp_reset' }, 5, 0)[0];
    expect(entry.entity_id).toBe(String(server.ids.coach));
    expect(entry.reason).toBe('phone lost');
    expect(entry.actor).toBe(server.emailOf('admin'));
    const again = await server.as('admin').send('POST', `/api/users/${server.ids.coach}/totp-reset`, { reason: 'twice' });
    expect(again.status).toBe(409);
    // logging in works with the password alone, and the policy sends the coach to the set-up again
    const login = await loginAgent(server, server.emailOf('coach'));
    expect(login.res.status).toBe(201);
    expect(login.res.body.totp.must_enrol).toBe(true);
    expect((await login.agent.get('/api/participants')).status).toBe(403);
  });

  it('lets the command line reset the second factor of the only admin who lost the phone', async () => {
    const first = await loginAgent(server, server.emailOf('admin'));
    await enrol(server, first.agent, first.csrf);
    expect((await loginAgent(server, server.emailOf('admin'))).res.body.error.code).toBe('totp_required');
    server.db.pragma('wal_checkpoint(TRUNCATE)');
    const run = spawnSync(process.execPath, [path.resolve('bin/ips-trial.js'), 'user', 'reset-totp', '--email', server.emailOf('admin'), '--reason', 'only admin lost the phone', '--db', server.config.dbFile], {
      encoding: 'utf8', env: { ...process.env, IPS_TRIAL_SECRETS: server.config.secretsDir, LOG_LEVEL: 'silent' }, timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`two-step verification of ${server.emailOf('admin')} reset`);
    expect((await loginAgent(server, server.emailOf('admin'))).res.status).toBe(201);
    const entry = findAuditEntries(server.db, { action: 'totp_reset', entityId: String(server.ids.admin) }, 5, 0)[0];
    expect(entry).toMatchObject({ actor: 'command line', reason: 'only admin lost the phone' });
    const unknown = spawnSync(process.execPath, [path.resolve('bin/ips-trial.js'), 'user', 'reset-totp', '--email', 'nobody@test.ips-trial.invalid', '--reason', 'x', '--db', server.config.dbFile], {
      encoding: 'utf8', env: { ...process.env, IPS_TRIAL_SECRETS: server.config.secretsDir, LOG_LEVEL: 'silent' }, timeout: 120_000,
    });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('error: there is no staff user nobody@test.ips-trial.invalid\n');
  }, 240_000);

  it('stops the start when totp-key.key is missing once a secret depends on it', () => {
    const file = secretFile(server.config.secretsDir, TOTP_KEY);
    expect(path.basename(file)).toBe('totp-key.key');
    const saved = readFileSync(file, 'utf8');
    rmSync(file);
    try {
      expect(() => checkTrialSecrets(server.db, server.config.secretsDir)).toThrow(`secret key ${file} is missing`);
    } finally {
      writeFileSync(file, saved, { mode: 0o600 });
    }
  });
});
