/**
 * The demo study itself (seeded as on first start: 40 synthetic people through
 * the real services): its export holds none of its identifiers or dates, and
 * `ips-trial analyze` on the export gives exactly the ICER report made from
 * the live database.
 */
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

  it('analyze on the export and the analysis from the live database end the same way', async () => {
    // 40 people with follow-up still under way: too few complete cases for cost per QALY, and both paths say so
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
    const input = await analysisInputFromDatabase(db, config.secretsDir, { k: 5 });
    let live: unknown;
    try {
      live = analyzeTrial(input.dataset, input.settings, { scoreUtility: input.scoreUtility, datasetSha256: input.sha256 });
    } catch (error) {
      live = error;
    }
    if (code === 0) {
      expect(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')).qaly).toEqual(JSON.parse(JSON.stringify((live as { qaly: unknown }).qaly)));
    } else {
      expect(live).toBeInstanceOf(Error);
      expect(errors.join('')).toContain((live as Error).message);
    }
  }, 120_000);
});
