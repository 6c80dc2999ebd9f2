import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../../server/services/audit';
import { runExport } from '../../../server/services/exports';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeStudy } from './study';

describe('ips-trial export', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    await makeStudy(server, 40, 4);
  }, 60_000);
  afterAll(() => server?.close());

  it('writes the folder from the command line and records it as the command line', () => {
    const out = join(server.dir, 'cli-export');
    const run = spawnSync(process.execPath, ['bin/ips-trial.js', 'export', out, '--db', server.config.dbFile, '--pid-mode', 'fresh', '--k', '3'], {
      encoding: 'utf8', env: { ...process.env, IPS_TRIAL_SECRETS: server.config.secretsDir },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Exported 41 randomized participants');
    expect(readdirSync(out).sort()).toEqual(['README.md', 'assessments.csv', 'codebook.md', 'data_dictionary.csv', 'employment.csv', 'load.R', 'load.do', 'load.sps', 'participants.csv', 'service_use.csv', 'settings.json', 'timelogs.csv', 'unit_costs.csv']);
    const entry = server.db.prepare("SELECT actor FROM audit_entries WHERE action = 'export' ORDER BY id DESC LIMIT 1").get() as { actor: string };
    expect(entry.actor).toBe('command line');
  });

  it('refuses a folder that is not empty, a bad k and a bad unit-cost file, naming the problem and writing nothing', () => {
    const busy = join(server.dir, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'keep me');
    expect(() => runExport(server.db, server.config, cliActor(), busy, { pidMode: 'keyed', k: 5 })).toThrow(/already exists and is not an empty folder/);
    expect(readdirSync(busy)).toEqual(['notes.txt']);
    const target = join(server.dir, 'never');
    expect(() => runExport(server.db, server.config, cliActor(), target, { pidMode: 'keyed', k: 0 })).toThrow('k must be a whole number from 1 to 100, got "0"');
    const costs = join(server.dir, 'costs.csv');
    writeFileSync(costs, 'item,unit_cost\npsychiatrist_visit,2000\ngp_visit,lots\n');
    expect(() => runExport(server.db, server.config, cliActor(), target, { pidMode: 'keyed', k: 5, unitCostsFile: costs })).toThrow(`${costs}, row 3: column unit_cost must be a number ≥ 0, got "lots"`);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(server.dir).filter((n) => n.startsWith('.never'))).toEqual([]);
  });

  it('uses a unit-cost file for one export and says so in the README', () => {
    const costs = join(server.dir, 'costs-ok.csv');
    writeFileSync(costs, 'item,unit_cost\npsychiatrist_visit,2000\nstaff_hour:ips_specialist,400\n');
    const out = join(server.dir, 'with-costs');
    runExport(server.db, server.config, cliActor(), out, { pidMode: 'keyed', k: 5, unitCostsFile: costs });
    expect(parse(readFileSync(join(out, 'unit_costs.csv')), { columns: true })).toEqual([{ item: 'psychiatrist_visit', unit_cost: '2000' }, { item: 'staff_hour:ips_specialist', unit_cost: '400' }]);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('unit costs: from the file costs-ok.csv');
  });
});
