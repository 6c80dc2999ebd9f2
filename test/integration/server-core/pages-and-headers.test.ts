/**
 * Health, security headers, request logs without personal data, and the web
 * pages: static files from web/dist, the SPA fallback for page routes only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { createTestServer, TEST_PASSWORD, type TestServer } from './harness';

describe('server core: pages, headers and logs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    mkdirSync(server.config.webDir, { recursive: true });
    writeFileSync(path.join(server.config.webDir, 'index.html'), '<!doctype html><title>ips-trial</title><script src="/app.js"></script>');
    writeFileSync(path.join(server.config.webDir, 'app.js'), 'console.log("app");');
  });
  afterAll(() => server?.close());

  it('reports health with the version and database status', async () => {
    const res = await request(server.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: server.config.version, database: 'ok', demo: false });
  });

  it('sends a CSP that allows only the platform’s own scripts and styles', async () => {
    const res = await request(server.app).get('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves files from web/dist and index.html for page routes', async () => {
    expect((await request(server.app).get('/app.js')).text).toContain('console.log');
    const page = await request(server.app).get('/staff/participants/12').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>ips-trial</title>');
    expect((await request(server.app).get('/missing.js')).status).toBe(404);
  });

  it('never answers an /api path with the page', async () => {
    const res = await request(server.app).get('/api/participants-typo').set('Accept', 'text/html');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('logs requests without bodies, cookies, query strings or passwords', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const app = createApp(server.config, server.db, pino({ level: 'info' }, sink));
    const login = await request(app).post('/api/session').send({ email: server.emailOf('admin'), password: TEST_PASSWORD });
    await request(app).get('/api/audit?entity=user').set('Cookie', String(login.headers['set-cookie']).split(';')[0]);
    const log = lines.join('');
    expect(log).toContain('/api/session');
    expect(log).not.toContain(TEST_PASSWORD);
    expect(log).not.toContain(server.emailOf('admin'));
    expect(log).not.toContain('ips_trial_session');
    expect(log).not.toContain('entity=user');
  });
});
