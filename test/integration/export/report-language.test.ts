/**
 * Reports in a chosen language through the API: POST /api/reports/icer with
 * lang makes the report in Swedish or Danish and stores the language with it;
 * an unknown language is refused with a 400 naming the field and nothing is
 * made; the funder report takes ?lang= the same way. English stays default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeStudy } from './study';

const FAST = { bootstrap: { replicates: 200, seed: 5 } };

describe('reports in Swedish, Danish or English', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    await makeStudy(server, 60, 4);
  }, 60_000);
  afterAll(() => server?.close());

  it('refuses an unknown report language, naming the field, and makes nothing', async () => {
    const before = (await server.as('evaluator').get('/api/reports')).body.reports.length;
    for (const lang of ['de', 'SV', 3, null]) {
      const res = await server.as('evaluator').send('POST', '/api/reports/icer', { k: 1, settings: FAST, lang });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['lang']);
    }
    expect((await server.as('evaluator').get('/api/reports')).body.reports.length).toBe(before);
    const funder = await server.as('evaluator').get('/api/reports/funder?from=2024-07-01&to=2025-06-30&format=html&lang=no');
    expect(funder.status).toBe(400);
    expect(funder.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['lang']);
  });

  it('makes an ICER report in Danish and keeps its language', async () => {
    const start = await server.as('evaluator').send('POST', '/api/reports/icer', { k: 1, settings: FAST, lang: 'da' });
    expect(start.status, start.text).toBe(202);
    expect(start.body.report.settings.lang).toBe('da');
    let report: { status: string; error?: string; settings: { lang?: string } } = start.body.report;
    for (let i = 0; i < 1200 && report.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      report = (await server.as('evaluator').get(`/api/reports/${start.body.report.id}`)).body.report;
    }
    expect(report.status, report.error).toBe('done');
    expect(report.settings.lang).toBe('da');
    const html = (await server.as('evaluator').get(`/api/reports/${start.body.report.id}/report.html`)).text;
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="da">')).toBe(true);
    expect(html).toContain('<h2 id="headline-qaly-title">Omkostning pr. vundet QALY</h2>');
    expect(html).toContain('<h2 id="summary-title">Resumé</h2>');
    expect(html).not.toContain('Cost per QALY gained');
  }, 120_000);

  it('sends the funder report in Swedish, Danish or (by default) English', async () => {
    const url = '/api/reports/funder?from=2024-07-01&to=2025-06-30&format=html';
    const sv = (await server.as('evaluator').get(`${url}&lang=sv`)).text;
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('<h1>IPS: rapport till finansiärerna</h1>');
    expect(sv).toContain('<h2>Alla enheter</h2>');
    expect(sv).toContain('<caption>Deltagare efter kön</caption>');
    expect(sv).not.toContain('Participants by sex');
    const da = (await server.as('evaluator').get(`${url}&lang=da`)).text;
    expect(da).toContain('<h1>IPS: rapport til bevillingsgiverne</h1>');
    const en = (await server.as('evaluator').get(url)).text;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>IPS: report to the funders</h1>');
  });
});
