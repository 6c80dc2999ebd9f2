/**
 * Subgroups against R (test/reference/subgroups-mnar.R → subgroups-mnar.json):
 * complete case through analyzeTrial on the fixture trials (R recomputes
 * QALYs, costs and u0 from the CSVs, then lm per level and anova for the
 * interaction), and under multiple imputation on R's own mice imputations
 * (mice::pool per level, mice::D2 for the interaction). Deterministic, so
 * 1e-9 relative (p-values and D2's df 1e-7).
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../../../analysis/pipeline';
import { resolveSettings, type SubgroupSpec } from '../../../../analysis/settings';
import { analyzeSubgroups, type SubgroupEstimate } from '../../../../analysis/subgroups/analyze-subgroups';
import { fixture, loadFolder, relativeError } from '../helpers/load-folder';
import { reference, type RCoefficient } from './reference';

const UNDER_30: SubgroupSpec = { variable: 'age_band', groups: { 'under 30': ['18-24', '25-29'], '30+': ['30-39', '40-49', '50-64'] } };
const close = (actual: number, expected: number, tolerance = 1e-9) => expect(relativeError(actual, expected)).toBeLessThan(tolerance);

function expectEstimate(actual: SubgroupEstimate | null, expected: RCoefficient | Record<string, never>) {
  if (!('estimate' in expected)) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  const a = actual as SubgroupEstimate;
  close(a.estimate, expected.estimate);
  close(a.standardError, expected.standardError);
  close(a.df, expected.df, 1e-7);
  // the interval ends through jStat's t quantile: within 1e-7 of the standard error
  expect(Math.abs(a.ci95[0] - expected.ci95[0])).toBeLessThan(1e-7 * expected.standardError);
  expect(Math.abs(a.ci95[1] - expected.ci95[1])).toBeLessThan(1e-7 * expected.standardError);
}

describe('analysis/subgroups against R lm, anova, mice::pool and D2', () => {
  for (const trial of reference.completeCase) {
    it(`gives R's per-level increments, t intervals and interaction F test on ${trial.trial} (complete case)`, async () => {
      const { dataset, settings: base, scoreUtility } = await loadFolder(fixture(`analysis/${trial.trial}`));
      const resolved = resolveSettings({ ...base, bootstrap: { replicates: 200, seed: 1, interval: 'percentile' }, wtp: { ...base.wtp, reference: trial.wtp }, subgroups: ['sex', UNDER_30, 'site'] });
      if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
      const result = analyzeTrial(dataset, resolved.settings, { scoreUtility, sensitivity: false });
      expect(result.subgroups).toHaveLength(3);
      expect(result.qaly.analysed.ips + result.qaly.analysed.control).toBe(trial.n);
      trial.subgroups.forEach((expected, s) => {
        const actual = result.subgroups![s];
        expect(actual.method).toBe('regression');
        expect(actual.wtp).toBe(trial.wtp);
        expect([...actual.levels.map((l) => l.level)].sort()).toEqual(expected.levels.map((l) => l.level).sort());
        for (const level of expected.levels) {
          const mine = actual.levels.find((l) => l.level === level.level)!;
          expect(mine.n).toEqual(level.n);
          expectEstimate(mine.cost, level.cost);
          expectEstimate(mine.effect, level.effect);
          expectEstimate(mine.inmb, level.inmb);
        }
        expect(actual.interaction?.test).toBe('F');
        close(actual.interaction!.statistic, expected.interaction.f);
        expect([actual.interaction!.df1, actual.interaction!.df2]).toEqual([expected.interaction.df1, expected.interaction.df2]);
        close(actual.interaction!.p, expected.interaction.p, 1e-7);
      });
    });
  }

  it("pools each level by Rubin's rules and the interaction by D2 as mice does, on R's imputations", () => {
    const mi = reference.multipleImputation;
    const attributes = mi.sex.map((sex, i) => ({ sex, age_band: mi.age_band[i], site: mi.site[i] }));
    const datasets = mi.completed.map((c) => ({
      ips: Uint8Array.from(c.arm),
      u0: c.u0,
      qaly: c.u0.map((_, i) => 0.25 * c.u0[i] + 0.5 * c.u6[i] + 0.25 * c.u12[i] + (1 / 1.03) * (0.25 * c.u12[i] + 0.5 * c.u18[i] + 0.25 * c.u24[i])),
      cost: c.u0.map((_, i) => c.su6[i] + c.su12[i] + c.staff1[i] + (1 / 1.03) * (c.su18[i] + c.su24[i] + c.staff2[i])),
    }));
    const { subgroups } = analyzeSubgroups(attributes, datasets, [UNDER_30, 'site'], mi.wtp ?? reference.wtp);
    mi.subgroups.forEach((expected, s) => {
      const actual = subgroups[s];
      expect(actual.method).toBe('rubin');
      for (const level of expected.levels) {
        const mine = actual.levels.find((l) => l.level === level.level)!;
        expectEstimate(mine.cost, level.cost);
        expectEstimate(mine.effect, level.effect);
        expectEstimate(mine.inmb, level.inmb);
      }
      expect(actual.interaction?.test).toBe('D2');
      close(actual.interaction!.statistic, expected.interaction.statistic);
      expect(actual.interaction!.df1).toBe(expected.interaction.df1);
      close(actual.interaction!.df2, expected.interaction.df2, 1e-7);
      close(actual.interaction!.p, expected.interaction.p, 1e-7);
    });
  });
});
