import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulateRandomization } from '../../../server/randomization/simulate';
import { seedFromText } from '../../../server/randomization/seed';

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['bin/ips-trial.js', 'randomization', 'simulate', ...args], { encoding: 'utf8' });
}

describe('ips-trial randomization simulate', () => {
  it('prints exactly the documented JSON, reproducible with the seed', () => {
    const run = cli('--participants', '500', '--strata', '3', '--seed', 'sap-2026', '--json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(['overall', 'strata', 'maxStratumImbalance']);
    expect(Object.keys(result.overall)).toEqual(['ips', 'control']);
    expect(result.strata.map((s: Record<string, unknown>) => Object.keys(s))).toEqual([['stratum', 'ips', 'control'], ['stratum', 'ips', 'control'], ['stratum', 'ips', 'control']]);
    expect(result).toEqual(simulateRandomization({ participants: 500, strata: 3, seed: seedFromText('sap-2026'), method: 'blocks' }));
    expect(result.maxStratumImbalance).toBeLessThanOrEqual(3);
  });

  it('refuses bad options with a clear message', () => {
    const run = cli('--participants', 'ten', '--strata', '3', '--seed', 'x');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/--participants must be a positive integer/);
    const method = cli('--participants', '10', '--strata', '3', '--seed', 'x', '--method', 'coin');
    expect(method.status).not.toBe(0);
    expect(method.stderr).toMatch(/--method must be "blocks" or "minimisation"/);
  });
});
