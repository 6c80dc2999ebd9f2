/**
 * The published example trial (test/fixtures/example-trial, computed in R by
 * its authors) reproduced by analyzeTrial and by the real `analyze` command:
 * point estimates to 1e-6 relative, intervals within 8 % of their width, CEAC
 * within 0.03 (the tolerances stated in its README).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../../analysis/pipeline';
import type { AnalysisResult, EffectAnalysis } from '../../../analysis/result';
import { fixture, loadFolder, readJson, relativeError } from './helpers/load-folder';

const run = promisify(execFile);
const folder = fixture('example-trial');
const expected = readJson<{ qaly: EffectAnalysis; employment: EffectAnalysis; n: AnalysisResult['n'] }>(join(folder, 'expected-result.json'));

function compare(result: AnalysisResult): void {
  expect(result.n).toEqual(expected.n);
  for (const kind of ['qaly', 'employment'] as const) {
    const got = result[kind];
    const want = expected[kind];
    expect(got.analysed).toEqual(want.analysed);
    expect(got.quadrant).toBe(want.quadrant);
    for (const arm of ['ips', 'control'] as const) {
      expect(relativeError(got.mean[arm].cost, want.mean[arm].cost)).toBeLessThan(1e-6);
      expect(relativeError(got.mean[arm].effect, want.mean[arm].effect)).toBeLessThan(1e-6);
    }
    expect(relativeError(got.incremental.cost, want.incremental.cost)).toBeLessThan(1e-6);
    expect(relativeError(got.incremental.effect, want.incremental.effect)).toBeLessThan(1e-6);
    expect(relativeError(got.icer as number, want.icer as number)).toBeLessThan(1e-6);
    for (const field of ['cost', 'effect'] as const) {
      const width = want.ci95[field][1] - want.ci95[field][0];
      expect(Math.abs(got.ci95[field][0] - want.ci95[field][0])).toBeLessThan(0.08 * width);
      expect(Math.abs(got.ci95[field][1] - want.ci95[field][1])).toBeLessThan(0.08 * width);
    }
    expect(got.ceac.map((p) => p.wtp)).toEqual(want.ceac.map((p) => p.wtp));
    got.ceac.forEach((point, i) => expect(Math.abs(point.probability - want.ceac[i].probability)).toBeLessThan(0.03));
  }
  expect(relativeError(result.qaly.incremental.effectAdjusted as number, expected.qaly.incremental.effectAdjusted as number)).toBeLessThan(1e-6);
}

// the command runs the whole analysis (20,000 replicates, sensitivity table, report) twice: allow for a loaded 2-core machine
describe('example trial (R reference)', { timeout: 300_000 }, () => {
  it('is reproduced by analyzeTrial', async () => {
    const { dataset, settings, scoreUtility } = await loadFolder(join(folder, 'data'), join(folder, 'settings.json'));
    compare(analyzeTrial(dataset, settings, { scoreUtility }));
  });

  it('is reproduced by `ips-trial analyze` with the same result on a second run', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ips-example-'));
    cpSync(join(folder, 'data'), join(work, 'data'), { recursive: true });
    cpSync(join(folder, 'settings.json'), join(work, 'data', 'settings.json'));
    const bin = new URL('../../../bin/ips-trial.js', import.meta.url).pathname;
    const { stdout } = await run(process.execPath, [bin, 'analyze', join(work, 'data')]);
    expect(stdout).toContain('Cost per QALY — analysed: IPS 19, control 20');
    expect(stdout).toContain('SEK (2025 prices)');
    const out = join(work, 'data', 'analysis');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as AnalysisResult;
    compare(result);
    expect(result.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.software?.name).toBe('ips-trial');
    expect((result.settings as { bootstrap: { replicates: number } }).bootstrap.replicates).toBe(20000);
    await run(process.execPath, [bin, 'analyze', join(work, 'data'), '--out', join(work, 'again')]);
    expect(readFileSync(join(work, 'again', 'result.json'), 'utf8')).toBe(readFileSync(join(out, 'result.json'), 'utf8'));
  });
});
