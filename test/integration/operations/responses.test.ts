import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { eq5dIndex } from '../../../instruments/eq5d/index';
import { createTestServer, type TestServer } from '../server-core/harness';
import { BASELINE_ANSWERED_ON, ELIGIBLE_SCREENING, FULL_CONSENT, register } from './fixtures';

describe('api: PUT /api/responses/:clientUuid', () => {
  let server: TestServer;
  let participantId: number;
  const rowsWith = (uuid: string) => (server.db.prepare('SELECT COUNT(*) AS n FROM responses WHERE client_uuid = ?').get(uuid) as { n: number }).n;

  beforeAll(async () => {
    server = await createTestServer();
    const studyId = await register(server, 'TST-A', 1);
    const tm = server.as('trial_manager');
    await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING });
    await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT });
    participantId = (await tm.get(`/api/participants/${studyId}`)).body.participant.id;
  });
  afterAll(() => server.close());

  const put = (uuid: string, body: Record<string, unknown>) => server.as('coach').send('PUT', `/api/responses/${uuid}`, { participantId, timepoint: 0, answered_on: BASELINE_ANSWERED_ON, ...body });

  it('returns the same result for a retried upload and never adds a row', async () => {
    const uuid = randomUUID();
    const body = { form: 'gse', answers: { gse_01: 3, gse_02: 2 }, revision: 1, complete: false };
    const first = await put(uuid, body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retry = await put(uuid, body);
    expect(retry.status).toBe(200);
    expect(retry.body.response).toEqual(first.body.response);
    expect(rowsWith(uuid)).toBe(1);
  });

  it('keeps the newest revision and ignores an older one that arrives late', async () => {
    const uuid = randomUUID();
    await put(uuid, { form: 'gse', answers: { gse_01: 1 }, revision: 1, complete: false });
    const newer = await put(uuid, { form: 'gse', answers: { gse_01: 1, gse_02: 4 }, revision: 3, complete: false });
    expect(newer.body.status).toBe('updated');
    const older = await put(uuid, { form: 'gse', answers: { gse_01: 2 }, revision: 2, complete: false });
    expect(older.status).toBe(200);
    expect(older.body.status).toBe('unchanged');
    expect(older.body.response.answers).toEqual({ gse_01: 1, gse_02: 4 });
    expect(older.body.response.revision).toBe(3);
  });

  it('stores one row for concurrent uploads of the same uuid, with the highest revision', async () => {
    const uuid = randomUUID();
    const answers = syntheticAnswers('service_use');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => put(uuid, { form: 'service_use', answers, revision: i + 1, complete: false })));
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(rowsWith(uuid)).toBe(1);
    const stored = server.db.prepare('SELECT revision FROM responses WHERE client_uuid = ?').get(uuid) as { revision: number };
    expect(stored.revision).toBe(8);
  });

  it('makes a complete response final, scored with the study value set', async () => {
    const uuid = randomUUID();
    const answers = { eq5d_mo: 2, eq5d_sc: 1, eq5d_ua: 3, eq5d_pd: 2, eq5d_ad: 1, eq_vas: 70 };
    const done = await put(uuid, { form: 'eq5d5l', answers, revision: 5, complete: true });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.response.scores).toMatchObject({ value_set_id: 'eq5d5l_SE_Sun2022', eq5d_index: eq5dIndex('eq5d5l_SE_Sun2022', '21321') });
    const later = await put(uuid, { form: 'eq5d5l', answers: { ...answers, eq5d_mo: 5 }, revision: 9, complete: true });
    expect(later.status).toBe(200);
    expect(later.body.response.answers.eq5d_mo).toBe(2);
    const second = await put(randomUUID(), { form: 'eq5d5l', answers, revision: 1, complete: true });
    expect(second.status).toBe(409);
  });

  it('stores the GSE score with the instrument that made it', async () => {
    const answers = { gse_01: 4, gse_02: 3, gse_03: 3, gse_04: 2, gse_05: 4, gse_06: 3, gse_07: 3, gse_08: 2, gse_09: 4, gse_10: 3 };
    const res = await put(randomUUID(), { form: 'gse', answers, revision: 1, complete: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.response.scores).toMatchObject({ gse_score: 31, answered: 10, imputed: false, instrument: 'gse' });
  });

  it('validates partial saves field by field and complete ones in full, saving nothing when wrong', async () => {
    const uuid = randomUUID();
    const partialBad = await put(uuid, { form: 'gse', answers: { gse_01: 7 }, revision: 1, complete: false });
    expect(partialBad.status).toBe(400);
    expect(partialBad.body.error.fields[0].field).toBe('answers.gse_01');
    const incomplete = await put(uuid, { form: 'gse', answers: { gse_01: 2 }, revision: 1, complete: true });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.fields.map((f: { field: string }) => f.field)).toContain('answers.gse_02');
    expect(rowsWith(uuid)).toBe(0);
    const badEnvelope = await put('not-a-uuid', { form: 'nope', answers: {}, revision: -1, complete: 'yes' });
    expect(badEnvelope.status).toBe(400);
    expect(badEnvelope.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['complete', 'form', 'revision']);
  });

  it('gives the saved answers back for resume', async () => {
    const res = await server.as('coach').get(`/api/participants/${participantId}/open-assessment`);
    expect(res.status).toBe(200);
    expect(res.body.timepoint).toBe(0);
    const eq5d = res.body.forms.find((f: { form: string }) => f.form === 'eq5d5l');
    expect(eq5d.response.complete).toBe(true);
  });
});

describe('api: tablet sessions and home codes', () => {
  let server: TestServer;
  let studyId: string;
  let otherId: number;
  beforeAll(async () => {
    server = await createTestServer();
    studyId = await register(server, 'TST-A', 1);
    const other = await register(server, 'TST-A', 2);
    const tm = server.as('trial_manager');
    for (const id of [studyId, other]) {
      await tm.send('PUT', `/api/participants/${id}/screening`, { screening: ELIGIBLE_SCREENING });
      await tm.send('PUT', `/api/participants/${id}/consent`, { consent: FULL_CONSENT });
    }
    otherId = (await tm.get(`/api/participants/${other}`)).body.participant.id;
  });
  afterAll(() => server.close());

  it('scopes a clinic tablet session to one participant and needs the PIN to leave', async () => {
    const { default: request } = await import('supertest');
    const tablet = request.agent(server.app);
    const login = await tablet.post('/api/session').send({ email: server.emailOf('coach'), password: 'test-password-0001' });
    const opened = await tablet.post(`/api/participants/${studyId}/tablet-session`).set('X-CSRF-Token', login.body.csrf_token).send({ pin: '4711' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const csrf = opened.body.tabletSession.csrfToken as string;
    expect((await tablet.get('/api/participants')).status).toBe(401);
    const assessment = await tablet.get('/api/tablet-session/assessment');
    expect(assessment.body).toMatchObject({ studyId, timepoint: 0 });
    const uuid = randomUUID();
    const saved = await tablet.put(`/api/responses/${uuid}`).set('X-CSRF-Token', csrf).send({ timepoint: 0, form: 'gse', answers: { gse_01: 4 }, revision: 1, complete: false });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const foreign = await tablet.put(`/api/responses/${randomUUID()}`).set('X-CSRF-Token', csrf).send({ participantId: otherId, timepoint: 0, form: 'gse', answers: {}, revision: 1, complete: false });
    expect(foreign.status).toBe(403);
    expect((await tablet.put(`/api/responses/${randomUUID()}`).send({ timepoint: 0, form: 'gse', answers: {}, revision: 1, complete: false })).status).toBe(403);
    expect((await tablet.post('/api/tablet-session/exit').set('X-CSRF-Token', csrf).send({ pin: '0000' })).status).toBe(400);
    expect((await tablet.post('/api/tablet-session/exit').set('X-CSRF-Token', csrf).send({ pin: '4711' })).status).toBe(204);
    expect((await tablet.get('/api/tablet-session')).status).toBe(401);
  });

  it('stops guessing the kiosk PIN after ten tries', async () => {
    const { default: request } = await import('supertest');
    const tablet = request.agent(server.app);
    const login = await tablet.post('/api/session').send({ email: server.emailOf('trial_manager'), password: 'test-password-0001' });
    const opened = await tablet.post(`/api/participants/${studyId}/tablet-session`).set('X-CSRF-Token', login.body.csrf_token).send({ pin: '2468' });
    const csrf = opened.body.tabletSession.csrfToken as string;
    const statuses: number[] = [];
    for (let pin = 0; pin < 11; pin++) statuses.push((await tablet.post('/api/tablet-session/exit').set('X-CSRF-Token', csrf).send({ pin: String(1000 + pin) })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await tablet.post('/api/tablet-session/exit').set('X-CSRF-Token', csrf).send({ pin: '2468' })).status).toBe(429);
    expect((await tablet.get('/api/tablet-session')).status).toBe(200);
  });

  it('redeems a home code once', async () => {
    const made = await server.as('coach').send('POST', `/api/participants/${studyId}/home-codes`, {});
    expect(made.status).toBe(201);
    const code = made.body.homeCode.code as string;
    const { default: request } = await import('supertest');
    const home = request.agent(server.app);
    const first = await home.post('/api/home-sessions').send({ code });
    expect(first.status).toBe(201);
    expect((await home.get('/api/tablet-session')).body.tabletSession.studyId).toBe(studyId);
    const again = await request.agent(server.app).post('/api/home-sessions').send({ code });
    expect(again.status).toBe(400);
    expect(again.body.error.fields[0].message).toMatch(/already used or expired/);
  });
});
