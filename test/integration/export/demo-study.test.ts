/**
 * The demo study itself (seeded as on first start: 120 synthetic people through
 * the real services, 80 of them with the whole two-year follow-up): its export holds none of its identifiers or dates, and
 * `ips-trial analyze` on the export gives exactly the ICER report made from
 * the live database.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../../server/bin/commands/analyze';
import { seedDemo } from '../../../server/demo/index';
import { silentLogger } from '../../../server/log';
import { analysisInputFromDatabase } from '../../../server/export/analysis-input';
import { analyzeTrial } from '../../../analysis/index';
import { cliActor } from '../../../server/services/audit';
import { runExport } from '../../../server/services/exports';
import { hashPassword } from '../../../server/services/passwords';
import { openMigratedDatabase } from '../../../server/db/open';
import type { Db } from '../../../server/db/connection';
import { makeTempDir, testConfig } from '../server-core/harness';
import { dateNeedles, findNeedles, identifierNeedles } from './study';

describe('the demo study', () => {
  let dir: string;
  let db: Db;
  let config: ReturnType<typeof testConfig>;
  beforeAll(async () => {
    dir = makeTempDir();
    config = testConfig(dir, { demo: true });
    db = openMigratedDatabase(config.dbFile);
    seedDemo(db, config, silentLogger(), await hashPassword('demo-password-0001', config.passwordCost));
  }, 60_000);
  afterAll(() => db?.close());

  it('exports without any of its identifiers or dates, for both pid modes', () => {
    const needles = [...identifierNeedles({ db, config }, { nameParts: false }), ...dateNeedles(db)];
    expect(needles.length).toBeGreaterThan(40 * 5);
    for (const pidMode of ['keyed', 'fresh'] as const) {
      const out = join(dir, `export-${pidMode}`);
      const { manifest } = runExport(db, config, cliActor(), out, { pidMode, k: 5 });
      expect(manifest.participants).toBeGreaterThan(10);
      expect(findNeedles(out, needles), JSON.stringify(findNeedles(out, needles))).toEqual([]);
    }
  });

  it('analyze on the export gives the same result as the analysis from the live database', async () => {
    // the demo's finished cohort has complete cases in both arms, so both analyses run
    const out = join(dir, 'analysis');
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (errors.push(String(chunk)), true)) as typeof process.stderr.write;
    let code: number;
    try {
      code = await runAnalyze(join(dir, 'export-keyed'), { out });
    } finally {
      process.stderr.write = write;
    }
    expect(code, errors.join('')).toBe(0);
    const input = await analysisInputFromDatabase(db, config.secretsDir, { k: 5 });
    const live = analyzeTrial(input.dataset, input.settings, { scoreUtility: input.scoreUtility, datasetSha256: input.sha256 });
    const exported = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    const liveJson = JSON.parse(JSON.stringify(live));
    expect(exported.qaly.analysed.ips).toBeGreaterThan(0);
    expect(exported.qaly.analysed.control).toBeGreaterThan(0);
    expect(exported.qaly).toEqual(liveJson.qaly);
    expect(exported.employment).toEqual(liveJson.employment);
    expect(exported.dataset.sha256).toBe(liveJson.dataset.sha256);
  }, 120_000);

  it('loads in R with variable and value labels (load.R, base R only)', () => {
    // Rscript comes from Debian's r-base-core, installed by test/prepare-test-machine.js
    const script = [
      'source("load.R", chdir = TRUE)',
      'cat("rows", nrow(participants), "\\n")',
      'cat("arm label:", attr(participants$arm, "label"), "\\n")',
      'cat("arm codes:", paste(unname(attr(participants$arm, "labels")), collapse = ","), "\\n")',
      'cat("mobility labels:", length(attr(assessments$eq5d_mo, "labels")), "\\n")',
      'cat("quantity class:", class(service_use$quantity), "\\n")',
    ].join('\n');
    const out = execFileSync('Rscript', ['-e', script], { cwd: join(dir, 'export-keyed'), encoding: 'utf8' });
    const exportedRows = readFileSync(join(dir, 'export-keyed', 'participants.csv'), 'utf8').trim().split('\n').length - 1;
    expect(out).toContain(`rows ${exportedRows} `);
    expect(out).toMatch(/arm label: \S/);
    expect(out).toContain('arm codes: ips,control');
    expect(out).toMatch(/mobility labels: 5 /);
    expect(out).toContain('quantity class: numeric');
  }, 120_000);
});
