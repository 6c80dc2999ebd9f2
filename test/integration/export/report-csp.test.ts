/**
 * Report pages open styled from the web: the ICER report and the funder
 * report are sent with a Content-Security-Policy whose style-src holds the
 * SHA-256 of exactly the <style> element served (never 'unsafe-inline'), and
 * nothing else may load. The workspace pages keep the app's strict policy.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeStudy } from './study';

const FAST = { bootstrap: { replicates: 200, seed: 5 } };

function directives(header: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

function servedStyles(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
}

describe('report pages: a CSP that allows exactly their inline style', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    await makeStudy(server, 60, 4);
  }, 60_000);
  afterAll(() => server?.close());

  const expectOwnPolicy = (res: { headers: Record<string, string>; text: string }) => {
    const styles = servedStyles(res.text);
    expect(styles.length).toBe(1);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('style-src')).toEqual(styles);
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.has('script-src')).toBe(false); // falls back to default-src 'none'
  };

  it('sends the funder report with the hash of its style element', async () => {
    const res = await server.as('evaluator').get('/api/reports/funder?from=2024-07-01&to=2025-06-30&format=html');
    expect(res.status, res.text).toBe(200);
    expect(res.text).toContain('<h1>IPS: report to the funders</h1>');
    expectOwnPolicy(res);
  });

  it('sends a finished ICER report with the hash of its style element', async () => {
    const start = await server.as('evaluator').send('POST', '/api/reports/icer', { k: 1, settings: FAST });
    expect(start.status, start.text).toBe(202);
    let report: { status: string; error?: string } = start.body.report;
    for (let i = 0; i < 1200 && report.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      report = (await server.as('evaluator').get(`/api/reports/${start.body.report.id}`)).body.report;
    }
    expect(report.status, report.error).toBe('done');
    const res = await server.as('evaluator').get(`/api/reports/${start.body.report.id}/report.html`);
    expect(res.status).toBe(200);
    expectOwnPolicy(res);
  }, 120_000);

  it('keeps the workspace pages on the strict policy without inline styles', async () => {
    const res = await server.as('evaluator').get('/api/reports');
    expect(directives(res.headers['content-security-policy']).get('style-src')).toEqual(["'self'"]);
  });
});
