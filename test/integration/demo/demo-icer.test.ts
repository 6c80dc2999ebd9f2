/**
 * The issue-7 "Done when" on a fresh demo database: the demo evaluator starts
 * the live ICER report, which finishes with analysed participants in both
 * arms for cost per QALY and cost per employment day; then makes the
 * anonymized export through the web, downloads its files, and
 * `ips-trial analyze` on them gives the very same result JSON (the round
 * trip on the demo). The downloaded files hold no demo identifier.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db/connection';
import { openTrialDatabase } from '../../../server/db/open';
import { DEMO_PASSWORD, seedDemo } from '../../../server/demo/index';
import { demoPersonnummer } from '../../../server/demo/operations/participants-step';
import { silentLogger } from '../../../server/log';
import { hashPassword } from '../../../server/services/passwords';
import { makeTempDir, testConfig } from '../server-core/harness';

type Agent = ReturnType<typeof request.agent>;

describe('demo study: the evaluator reports work on a fresh clone', () => {
  let dir: string;
  let db: Db;
  let evaluator: Agent;
  let csrf: string;

  const waitFor = async (url: string, key: 'report' | 'export') => {
    for (let i = 0; i < 1200; i += 1) {
      const body = (await evaluator.get(url)).body[key];
      if (body.status !== 'running') return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${url} did not finish`);
  };

  beforeAll(async () => {
    dir = makeTempDir();
    const config = testConfig(dir, { demo: true });
    db = openTrialDatabase(config);
    seedDemo(db, config, silentLogger(), await hashPassword(DEMO_PASSWORD, config.passwordCost));
    const app = createApp(config, db, silentLogger());
    evaluator = request.agent(app);
    const login = await evaluator.post('/api/session').send({ email: 'evaluator@demo.ips-trial.invalid', password: DEMO_PASSWORD });
    expect(login.status).toBe(201);
    csrf = login.body.csrf_token;
  }, 60_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the live ICER report with both arms analysed, and analyze on the downloaded export gives the same result', async () => {
    const start = await evaluator.post('/api/reports/icer').set('X-CSRF-Token', csrf).send({ k: 5 });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    const report = await waitFor(`/api/reports/${start.body.report.id}`, 'report');
    expect(report.status, report.error).toBe('done');
    const live = (await evaluator.get(`/api/reports/${report.id}/result.json`)).body;
    for (const analysis of ['qaly', 'employment'] as const) {
      expect(live[analysis].analysed.ips, analysis).toBeGreaterThanOrEqual(10);
      expect(live[analysis].analysed.control, analysis).toBeGreaterThanOrEqual(10);
      expect(Number.isFinite(live[analysis].icer), analysis).toBe(true);
    }
    expect(live.n.ips + live.n.control).toBeGreaterThan(100);

    const started = await evaluator.post('/api/exports').set('X-CSRF-Token', csrf).send({ pidMode: 'keyed', k: 5 });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const exported = await waitFor(`/api/exports/${started.body.export.id}`, 'export');
    expect(exported.status, exported.error).toBe('done');
    const folder = path.join(dir, 'downloaded');
    mkdirSync(folder);
    for (const file of exported.files as { name: string; url: string }[]) {
      const res = await evaluator.get(file.url).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(res.status, file.name).toBe(200);
      writeFileSync(path.join(folder, file.name), res.body as Buffer);
    }
    const texts = readdirSync(folder).map((name) => readFileSync(path.join(folder, name), 'utf8')).join('\n');
    expect(texts).not.toMatch(/Demo Deltagare|070-000|Demostad/);
    for (const n of [1, 41, 120]) expect(texts).not.toContain(demoPersonnummer(n));

    const out = path.join(dir, 'analysis');
    const run = spawnSync(process.execPath, ['bin/ips-trial.js', 'analyze', folder, '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const offline = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8'));
    expect(offline.dataset.sha256).toBe(report.datasetSha256);
    expect(offline).toEqual(live);
  }, 240_000);
});
