import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function ipsTrial(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/ips-trial.js', 'eq5d-index', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ips-trial eq5d-index', () => {
  it('prints one index per line at full precision', () => {
    const run = ipsTrial('--value-set', 'eq5d5l_SE_Sun2022', '11111', '12345', '55555');
    expect(run.code).toBe(0);
    // Sun 2022: 1 − 0.019 − 0.048 − 0.319 − 0.394 = 0.22; 55555 = 1 − 0.132 − 0.159 − 0.187 − 0.442 − 0.394
    expect(run.stdout).toBe('1\n0.22\n-0.314\n');
  });

  it('prints the Swedish 3L full-health value of the published model and crosswalk values unrounded', () => {
    expect(ipsTrial('--value-set', 'eq5d3l_SE_TTO_Burstrom2014', '11111').stdout).toBe('0.9694\n');
    const derived = ipsTrial('--value-set', 'crosswalk_5L_to_3L_SE_DERIVED_notpublished', '12345').stdout.trim();
    expect(derived.length).toBeGreaterThan(10); // not rounded to 3 or 6 places
    expect(Number(derived)).toBeCloseTo(0.537387, 6);
  });

  it('lists the value-set ids with a description', () => {
    const run = ipsTrial('--list');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(119);
    expect(lines).toContain('eq5d5l_SE_Sun2022\t5L EQ-VT (cTTO), social value set, Sweden (same numbers as eq5d5l_VT_Sweden_2022)');
    expect(lines.find((l) => l.startsWith('crosswalk_5L_to_3L_SE_DERIVED_notpublished\t'))).toMatch(/DERIVED, not published/);
    expect(lines.some((l) => l.startsWith('eq5d3l_TTO_Argentina\t'))).toBe(true);
  });

  it('names the bad state and what is wrong, prints no index and exits non-zero', () => {
    const run = ipsTrial('--value-set', 'eq5d3l_UK_TTO_Dolan1997', '11111', '12345', '1211');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('"12345" cannot be scored with eq5d3l_UK_TTO_Dolan1997: PD is 4, outside 1–3; AD is 5, outside 1–3');
    expect(run.stderr).toContain('"1211" cannot be scored with eq5d3l_UK_TTO_Dolan1997: it has 4 digits; expected 5');
  });

  it('rejects an unknown value-set id and a missing --value-set', () => {
    const unknown = ipsTrial('--value-set', 'eq5d5l_Sweden', '11111');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown EQ-5D value set "eq5d5l_Sweden"');
    const missing = ipsTrial('11111');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--value-set <id> is required');
  });

  it('explains itself with --help', () => {
    const run = ipsTrial('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--value-set <id>');
    expect(run.stdout).toContain('--list');
  });
});
