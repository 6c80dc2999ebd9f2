/**
 * `ips-trial analyze` as a user runs it (subprocess): invalid folders exit
 * with code 1, print file/row/column and write nothing; a valid folder gets
 * result.json (required fields, settings with defaults, sha256, version) and
 * report.html; --settings and --out are honoured.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../analysis/result';
import { fixture } from './helpers/load-folder';

const run = promisify(execFile);
const bin = new URL('../../../bin/ips-trial.js', import.meta.url).pathname;

function trialCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ips-analyze-'));
  cpSync(fixture('analysis/trial-a'), folder, { recursive: true });
  rmSync(join(folder, 'expected.json'));
  // light settings keep each run short; the analysis itself is tested elsewhere
  writeFileSync(join(folder, 'settings.json'), JSON.stringify({ bootstrap: { replicates: 500 }, imputations: 2, sensitivity: { replicates: 100 } }));
  return folder;
}

async function analyze(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'analyze', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// each run is a whole `analyze` (sensitivity table and report included): allow for a loaded 2-core machine
describe('ips-trial analyze', { timeout: 300_000 }, () => {
  it('refuses an invalid folder, naming file, row and column, and writes nothing', async () => {
    const folder = trialCopy();
    const lines = readFileSync(join(folder, 'participants.csv'), 'utf8').split('\n');
    lines[2] = lines[2].replace(',ips,', ',ipss,');
    writeFileSync(join(folder, 'participants.csv'), lines.join('\n'));
    writeFileSync(join(folder, 'settings.json'), JSON.stringify({ bootstrap: { seed: 'one' } }));
    const { code, stderr, stdout } = await analyze([folder]);
    expect(code).toBe(1);
    expect(stderr).toContain('participants.csv, row 3, column arm: must be one of ips, control, got "ipss"');
    expect(stderr).toContain('settings.json, column bootstrap.seed: must be an integer, got "one"');
    expect(stderr).toContain('nothing was written');
    expect(stdout).toBe('');
    expect(existsSync(join(folder, 'analysis'))).toBe(false);
  });

  it('fails cleanly when an arm is empty after exclusions and leaves an existing result untouched', async () => {
    const folder = trialCopy();
    const out = join(folder, 'out');
    expect((await analyze([folder, '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'result.json'), 'utf8');
    // every control participant loses su_complete at 12 months
    const participants = readFileSync(join(folder, 'participants.csv'), 'utf8');
    const control = new Set(participants.split('\n').filter((l) => l.includes(',control,')).map((l) => l.split(',')[0]));
    const assessments = readFileSync(join(folder, 'assessments.csv'), 'utf8').split('\n').map((line) => {
      const cells = line.split(',');
      return control.has(cells[0]) && cells[1] === '12' ? [...cells.slice(0, -1), '0'].join(',') : line;
    });
    writeFileSync(join(folder, 'assessments.csv'), assessments.join('\n'));
    const { code, stderr } = await analyze([folder, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('no participant of the control arm is in the analysed set');
    expect(readFileSync(join(out, 'result.json'), 'utf8')).toBe(before);
  });

  it('writes result.json and report.html with --settings and --out, and prints a summary', async () => {
    const folder = trialCopy();
    const settings = join(folder, 'my-settings.json');
    writeFileSync(settings, JSON.stringify({ discountRate: 0.05, bootstrap: { replicates: 1000, seed: 7 }, currency: 'DKK', priceYear: 2024, imputations: 2, sensitivity: { replicates: 100 } }));
    const out = join(folder, 'elsewhere');
    const { code, stdout } = await analyze([folder, '--settings', settings, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Randomized: IPS 30, control 30/);
    expect(stdout).toMatch(/Cost per QALY — analysed: IPS \d+, control \d+/);
    expect(stdout).toContain('DKK (2024 prices)');
    expect(stdout).toMatch(/ICER .*: IPS /);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as AnalysisResult;
    expect(result.bootstrap).toEqual({ replicates: 1000, seed: 7 });
    expect(result.settings).toMatchObject({ discountRate: 0.05, valueSet: 'eq5d5l_SE_Sun2022', missing: 'complete-case', currency: 'DKK' });
    expect(result.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const kind of ['qaly', 'employment'] as const) {
      expect(Object.keys(result[kind])).toEqual(expect.arrayContaining(['analysed', 'mean', 'incremental', 'icer', 'quadrant', 'ci95', 'ceac']));
    }
    expect(typeof result.qaly.incremental.effectAdjusted).toBe('number');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/<html/i);
    expect(existsSync(join(folder, 'analysis'))).toBe(false);
  });

  it('changes the dataset hash when an input file changes', async () => {
    const folder = trialCopy();
    const settings = join(folder, 's.json');
    writeFileSync(settings, JSON.stringify({ bootstrap: { replicates: 100 }, imputations: 2, sensitivity: { replicates: 100 } }));
    await analyze([folder, '--settings', settings, '--out', join(folder, 'a')]);
    const first = (JSON.parse(readFileSync(join(folder, 'a', 'result.json'), 'utf8')) as AnalysisResult).dataset.sha256;
    writeFileSync(join(folder, 'unit_costs.csv'), readFileSync(join(folder, 'unit_costs.csv'), 'utf8').replace('2900', '2901'));
    await analyze([folder, '--settings', settings, '--out', join(folder, 'b')]);
    const second = (JSON.parse(readFileSync(join(folder, 'b', 'result.json'), 'utf8')) as AnalysisResult).dataset.sha256;
    expect(second).not.toBe(first);
  });

  it('reports an output folder it cannot create with exit code 1 and a clear message, not a crash', async () => {
    const folder = trialCopy();
    const out = join(folder, 'participants.csv'); // a file, so no folder can be made there
    const { code, stderr, stdout } = await analyze([folder, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot write the results to ${out}`);
    expect(stderr).not.toContain('Node.js v');
    expect(stdout).toBe('');
  });
});
