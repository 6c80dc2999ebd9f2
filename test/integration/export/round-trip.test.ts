/**
 * The round trip: the demo-like study written into the database, exported,
 * and analysed with `ips-trial analyze` gives the same result as the ICER
 * report made from the live database through the web (same numbers, same
 * dataset hash) — and the same main results as the generated trial itself.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial, validateDataset } from '../../../analysis/index';
import { loadScoring } from '../../../server/bin/commands/analyze-modules';
import { runAnalyze } from '../../../server/bin/commands/analyze';
import { runExport } from '../../../server/services/exports';
import { cliActor } from '../../../server/services/audit';
import { writeDatasetFolder } from '../../../server/dataset/write-dataset';
import { readDataset } from '../../../server/dataset/read-dataset';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeStudy } from './study';

const FAST = { bootstrap: { replicates: 400, seed: 11 } };

async function waitForReport(server: TestServer, id: number) {
  for (let i = 0; i < 600; i += 1) {
    const res = await server.as('evaluator').get(`/api/reports/${id}`);
    if (res.body.report.status !== 'running') return res.body.report;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('report did not finish');
}

describe('round trip: export → analyze equals the live ICER report', () => {
  let server: TestServer;
  let generated: Awaited<ReturnType<typeof makeStudy>>;
  beforeAll(async () => {
    server = await createTestServer();
    generated = await makeStudy(server, 160, 5);
    server.db.prepare("UPDATE app_settings SET value = json_patch(value, ?) WHERE key = 'analysis_settings'").run(JSON.stringify(FAST));
  }, 60_000);
  afterAll(() => server?.close());

  it('gives the same numbers from the exported folder as from the database', async () => {
    const start = await server.as('evaluator').send('POST', '/api/reports/icer', { k: 5 });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    const report = await waitForReport(server, start.body.report.id);
    expect(report.status, report.error).toBe('done');
    expect(report.percent).toBe(100);
    const live = (await server.as('evaluator').get(`/api/reports/${report.id}/result.json`)).body;

    const dir = join(server.dir, 'export');
    runExport(server.db, server.config, cliActor(), dir, { pidMode: 'keyed', k: 5 });
    const out = join(server.dir, 'analysis');
    expect(await runAnalyze(dir, { out })).toBe(0);
    const offline = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));

    expect(offline.dataset.sha256).toBe(report.datasetSha256);
    expect(offline).toEqual(live);
    const html = await server.as('data_monitor').get(`/api/reports/${report.id}/report.html`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('<svg');
  }, 120_000);

  it('reproduces the main results of the generated trial itself', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ips-trial-generated-'));
    writeDatasetFolder(folder, { ...generated, settings: { ...generated.settings, ...FAST } });
    const scoring = await loadScoring();
    const analyse = (path: string) => {
      const validated = validateDataset(readDataset(path).raw, { valueSets: scoring.valueSets });
      if (!validated.ok) throw new Error(JSON.stringify(validated.problems.slice(0, 3)));
      return analyzeTrial(validated.dataset, validated.settings, { scoreUtility: scoring.scorer(validated.settings.valueSet), sensitivity: false });
    };
    const truth = analyse(folder);
    const exported = analyse(join(server.dir, 'export'));
    // the API-enrolled participant (no follow-up) is the only extra randomized one
    expect(exported.n.ips + exported.n.control).toBe(truth.n.ips + truth.n.control + 1);
    for (const effect of ['qaly', 'employment'] as const) {
      expect(exported[effect].analysed).toEqual(truth[effect].analysed);
      expect(exported[effect].incremental).toEqual(truth[effect].incremental);
      expect(exported[effect].ci95).toEqual(truth[effect].ci95);
    }
  }, 120_000);
});
