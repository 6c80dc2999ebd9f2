/**
 * `ips-trial analyze` (subprocess) with subgroups and MNAR shifts in
 * settings.json: result.json carries `subgroups` and `mnar`, report.html has
 * their sections and charts; an `mnar` block without multiple imputation is
 * refused naming the key, and nothing is written.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../../analysis/result';
import { fixture } from '../helpers/load-folder';

const run = promisify(execFile);
const bin = new URL('../../../../bin/ips-trial.js', import.meta.url).pathname;
const folders: string[] = [];

function trialCopy(settings: Record<string, unknown>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ips-subgroups-'));
  folders.push(folder);
  cpSync(fixture('analysis/trial-a'), folder, { recursive: true });
  rmSync(join(folder, 'expected.json'));
  writeFileSync(join(folder, 'settings.json'), JSON.stringify({ bootstrap: { replicates: 300 }, sensitivity: { replicates: 100 }, ...settings }));
  return folder;
}

async function analyze(folder: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'analyze', folder]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

describe('ips-trial analyze with subgroups and mnar', { timeout: 300_000 }, () => {
  it('writes the subgroup and MNAR results and report sections', async () => {
    const folder = trialCopy({
      missing: 'multiple-imputation', imputations: 3, wtp: { reference: 250000 },
      subgroups: [{ variable: 'age_band', groups: { 'under 30': ['18-24', '25-29'], '30+': ['30-39', '40-49', '50-64'] } }],
      mnar: { shifts: { cost: { ips: 2000 } }, tippingPoint: { shift: 'utility', arm: 'ips', to: -0.3, steps: 6 } },
    });
    const { code, stderr } = await analyze(folder);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(join(folder, 'analysis', 'result.json'), 'utf8')) as AnalysisResult;
    expect(result.subgroups?.[0]).toMatchObject({ label: 'age_band: under 30 / 30+', method: 'rubin', wtp: 250000 });
    expect(result.subgroups?.[0].levels.map((l) => l.level)).toEqual(['under 30', '30+']);
    expect(result.mnar?.shifts.cost.ips).toBe(2000);
    expect(result.mnar?.tippingPoint.rows).toHaveLength(7);
    expect(result.settings).toMatchObject({ wtp: { reference: 250000 } });
    const html = readFileSync(join(folder, 'analysis', 'report.html'), 'utf8');
    for (const id of ['section id="subgroups"', 'section id="mnar"', 'figure id="chart-subgroups-forest"', 'figure id="chart-mnar-tipping-point"']) expect(html).toContain(id);
  });

  it('refuses mnar under complete case, naming the setting, and writes nothing', async () => {
    const folder = trialCopy({ mnar: { shifts: { utility: { ips: -0.1 } } } });
    const { code, stdout, stderr } = await analyze(folder);
    expect(code).toBe(1);
    expect(`${stdout}${stderr}`).toContain('mnar');
    expect(`${stdout}${stderr}`).toContain('needs "missing": "multiple-imputation"');
    expect(existsSync(join(folder, 'analysis'))).toBe(false);
  });
});
