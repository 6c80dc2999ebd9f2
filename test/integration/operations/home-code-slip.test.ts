/**
 * What the printed home-code slip is made from: POST …/home-codes answers
 * with the code in groups of 3-3-4, the questionnaire's full address (the
 * configured public address, else the request's host) and the site's tablet
 * language; the grouped code, typed as printed, opens the home session.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, register } from './fixtures';

async function consented(server: TestServer, n: number): Promise<string> {
  const tm = server.as('trial_manager');
  const studyId = await register(server, 'TST-A', n);
  expect((await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING })).status).toBe(200);
  expect((await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT })).status).toBe(200);
  return studyId;
}

describe('api: the home-code slip', () => {
  let server: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    proxied = await createTestServer({ publicUrl: 'https://ips.example.org/trial' });
  });
  afterAll(() => {
    server?.close();
    proxied?.close();
  });

  it('gives the code in groups, the full address from the request and the tablet language; the grouped code opens the session', async () => {
    const studyId = await consented(server, 1);
    const made = await server.as('coach').send('POST', `/api/participants/${studyId}/home-codes`, {});
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { code, grouped, url, language } = made.body.homeCode as Record<string, string | null>;
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(grouped).toBe(`${code!.slice(0, 3)} ${code!.slice(3, 6)} ${code!.slice(6)}`);
    // supertest calls the app on 127.0.0.1 with an ephemeral port: the address the staff browser used
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tablet\.html$/);
    expect(language).toBeNull();

    const home = request.agent(server.app);
    const opened = await home.post('/api/home-sessions').send({ code: grouped!.toLowerCase() });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect((await home.get('/api/tablet-session')).body.tabletSession.studyId).toBe(studyId);

    expect((await server.as('admin').send('PUT', '/api/study-settings', { tabletLanguage: 'da', reason: 'Danish sites' })).status).toBe(200);
    const danish = await server.as('coach').send('POST', `/api/participants/${studyId}/home-codes`, {});
    expect(danish.body.homeCode.language).toBe('da');
  });

  it('prints the configured public address, whatever host the request came by', async () => {
    const studyId = await consented(proxied, 2);
    const made = await proxied.as('coach').send('POST', `/api/participants/${studyId}/home-codes`, {});
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.homeCode.url).toBe('https://ips.example.org/trial/tablet.html');
  });
});
