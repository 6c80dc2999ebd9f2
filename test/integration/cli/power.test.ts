import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withAttrition } from '../../../analysis/power/sample-size';
import { twoProportionsSampleSize } from '../../../analysis/power/two-proportions';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/ips-trial.js', 'power', ...args], { cwd: repoRoot, encoding: 'utf8' });

describe('ips-trial power', () => {
  it('--json prints nPerArm, nPerArmBeforeAttrition, power and inputs for the seeds\' 50 % vs 10 % with 20 % attrition', () => {
    const result = run('--p-ips', '0.5', '--p-control', '0.1', '--attrition', '0.2', '--json');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { nPerArm: number; nPerArmBeforeAttrition: number; power: number; inputs: Record<string, unknown> };
    expect(Object.keys(out)).toEqual(['nPerArm', 'nPerArmBeforeAttrition', 'power', 'inputs']);
    // R 4.2.2: power.prop.test(p1 = 0.5, p2 = 0.1, power = 0.8)$n = 19.38 → 20 per arm; ÷ 0.8 → 25
    expect(out.nPerArmBeforeAttrition).toBe(20);
    expect(out.nPerArm).toBe(25);
    expect(out.power).toBeGreaterThanOrEqual(0.8);
    expect(out.inputs).toMatchObject({ pIps: 0.5, pControl: 0.1, alpha: 0.05, power: 0.8, attrition: 0.2 });
  });

  it('gives the same n as the analysis functions for a difference in mean QALYs, and plain text without --json', () => {
    const json = JSON.parse(run('--delta', '0.05', '--sd', '0.2', '--power', '0.9', '--json').stdout) as { nPerArm: number };
    // R 4.2.2: power.t.test(delta = 0.05, sd = 0.2, power = 0.9)$n = 337.2 → 338
    expect(json.nPerArm).toBe(338);
    const text = run('--p-ips', '0.599', '--p-control', '0.465');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`${withAttrition(twoProportionsSampleSize({ p1: 0.599, p2: 0.465, alpha: 0.05 }, 0.8), 0).nPerArm} participants per arm`);
  });

  it('sizes a trial for a positive INMB at a willingness to pay', () => {
    const out = JSON.parse(run('--inmb', '10000', '--wtp', '250000', '--sd-effect', '0.2', '--sd-cost', '60000', '--attrition', '0.1', '--json').stdout) as { nPerArm: number; nPerArmBeforeAttrition: number; power: number };
    // R 4.2.2: (qnorm(0.975) + qnorm(0.8))^2 * 2 * (250000^2 * 0.2^2 + 60000^2) / 10000^2 = 957.56 → 958; ÷ 0.9 → 1065
    expect(out.nPerArmBeforeAttrition).toBe(958);
    expect(out.nPerArm).toBe(1065);
    expect(out.power).toBeGreaterThanOrEqual(0.8);
    expect(out.power).toBeLessThan(0.801);
  });

  it('exits 1 naming the problem when the design is incomplete or impossible', () => {
    const missing = run('--delta', '0.05');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('--sd must be a number');
    const same = run('--p-ips', '0.3', '--p-control', '0.3');
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('two different proportions');
  });
});
