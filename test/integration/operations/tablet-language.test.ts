/**
 * The site's tablet language (study setting `tabletLanguage`): null by
 * default (the tablet follows its browser), sv/da/en when the admin sets it,
 * anything else refused; GET /api/tablet-session hands it to the tablet.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, TEST_PASSWORD, type TestServer } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, register } from './fixtures';

async function tabletOf(server: TestServer, n: number): Promise<request.Agent> {
  const tm = server.as('trial_manager');
  const studyId = await register(server, 'TST-A', n);
  await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING });
  await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT });
  const tablet = request.agent(server.app);
  const login = await tablet.post('/api/session').send({ email: server.emailOf('coach'), password: TEST_PASSWORD });
  const opened = await tablet.post(`/api/participants/${studyId}/tablet-session`).set('X-CSRF-Token', login.body.csrf_token).send({ pin: '4711' });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return tablet;
}

describe('api: the tablet language of the site', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  it('follows the browser until the admin sets a language, which tablet sessions then receive', async () => {
    const tablet = await tabletOf(server, 1);
    expect((await tablet.get('/api/tablet-session')).body.tabletSession.language).toBeNull();
    const admin = server.as('admin');
    const bad = await admin.send('PUT', '/api/study-settings', { tabletLanguage: 'fi' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['tabletLanguage']);
    const set = await admin.send('PUT', '/api/study-settings', { tabletLanguage: 'da', reason: 'Danish sites' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await tablet.get('/api/tablet-session')).body.tabletSession.language).toBe('da');
    expect((await admin.send('PUT', '/api/study-settings', { tabletLanguage: null })).status).toBe(200);
    expect((await tablet.get('/api/tablet-session')).body.tabletSession.language).toBeNull();
  });
});
