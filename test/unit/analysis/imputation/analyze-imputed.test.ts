import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeImputed } from '../../../../analysis/imputation/analyze-imputed';
import { resolveSettings, type AnalysisSettings } from '../../../../analysis/settings';
import { DISCOUNT_RATE, fixtureTable } from './fixture-table';

// Golden values: test/reference/mice-pooled.R — R 4.2.2, mice 3.15.0, mice(method = "pmm", m = 50,
// maxit = 10) with the same imputation model and complete-data estimates, pooled with pool.scalar.
interface Pooled { qbar: number; ubar: number; b: number; t: number; df: number }
type Golden = Record<'mcar' | 'mar', { n: number; m: number } & Record<'cost' | 'qaly' | 'employment' | 'qalyAdjusted', Pooled>>;
const golden = JSON.parse(readFileSync(new URL('../../../reference/mice-pooled.json', import.meta.url), 'utf8')) as Golden;

function settings(seed: number): AnalysisSettings {
  const resolved = resolveSettings({ discountRate: DISCOUNT_RATE, imputations: 50, bootstrap: { replicates: 1000, seed } });
  if (!resolved.ok) throw new Error('settings');
  // same number of sweeps as the R script (maxit = 10)
  return { ...resolved.settings, imputation: { iterations: 10 } } as AnalysisSettings;
}

describe('analysis/imputation/analyze-imputed', () => {
  for (const name of ['mcar', 'mar'] as const) {
    it(`pools the same ΔQALY, Δcost and adjusted ΔQALY as R's mice (pmm, m = 50) on ${name}.csv within Monte-Carlo error`, () => {
      const table = fixtureTable(`${name}.csv`);
      const ours = analyzeImputed(table, settings(11));
      const reference = golden[name];
      for (const what of ['cost', 'qaly', 'qalyAdjusted'] as const) {
        const r = reference[what];
        const o = ours.pooled[what];
        // Each pooled estimate is the mean of m = 50 imputations, so it carries Monte-Carlo error with
        // variance B/m (B = between-imputation variance). The two programs draw independently, so their
        // difference has SD √(B_R/m + B_ours/m); we allow 4 SD (a false alarm about 1 in 16,000).
        const estimateTolerance = 4 * Math.sqrt(r.b / 50 + o.betweenVariance / 50);
        expect(Math.abs(o.estimate - r.qbar)).toBeLessThanOrEqual(estimateTolerance);
        // T = Ū + (1 + 1/m)B: B estimated from 50 imputations has SD ≈ B·√(2/49); Ū varies little between
        // runs (allow 3 %). Compared on the standard-error scale √T.
        const totalTolerance = 4 * Math.SQRT2 * 1.02 * Math.max(r.b, o.betweenVariance) * Math.sqrt(2 / 49) + 0.03 * r.ubar;
        expect(Math.abs(o.totalVariance - r.t)).toBeLessThanOrEqual(totalTolerance);
        expect(Math.abs(o.standardError - Math.sqrt(r.t))).toBeLessThanOrEqual(totalTolerance / (2 * Math.sqrt(r.t)) + 1e-12);
      }
      // employment days are never imputed: the pooled increment and variance agree exactly with R
      expect(ours.pooled.employment.estimate).toBeCloseTo(reference.employment.qbar, 9);
      expect(ours.pooled.employment.withinVariance).toBeCloseTo(reference.employment.ubar, 6);
      expect(ours.pooled.employment.betweenVariance).toBeLessThan(1e-20);
    });
  }

  it('reports the imputation block, pooled means and MI-Boot intervals around the pooled estimate', () => {
    const result = analyzeImputed(fixtureTable('mar.csv'), settings(3));
    const { qaly, employment } = result;
    expect(qaly.analysed).toEqual({ ips: expect.any(Number), control: expect.any(Number) });
    expect(qaly.analysed.ips + qaly.analysed.control).toBe(golden.mar.n);
    expect(qaly.imputation?.m).toBe(50);
    expect(qaly.imputation?.totalVariance.effect).toBeCloseTo(
      (qaly.imputation?.withinVariance.effect ?? 0) + (1 + 1 / 50) * (qaly.imputation?.betweenVariance.effect ?? 0), 15);
    expect(qaly.mean.ips.cost - qaly.mean.control.cost).toBeCloseTo(qaly.incremental.cost, 6);
    expect(qaly.incremental.cost).toBe(employment.incremental.cost);
    for (const analysis of [qaly, employment]) {
      expect(analysis.ci95.cost[0]).toBeLessThan(analysis.incremental.cost);
      expect(analysis.ci95.cost[1]).toBeGreaterThan(analysis.incremental.cost);
      expect(analysis.ceac.every((point) => point.probability >= 0 && point.probability <= 1)).toBe(true);
    }
    // the pooled bootstrap spread approximates Rubin's total variance (MI-Boot pooled sample ≈ Ū + B)
    const sd = qaly.sd?.cost ?? 0;
    expect(sd / Math.sqrt(qaly.imputation?.totalVariance.cost ?? 1)).toBeGreaterThan(0.85);
    expect(sd / Math.sqrt(qaly.imputation?.totalVariance.cost ?? 1)).toBeLessThan(1.15);
  });

  it('gives the identical result for the same seed', () => {
    const table = fixtureTable('mcar.csv');
    const s = { ...settings(5), imputations: 5 };
    const a = analyzeImputed(table, s);
    const b = analyzeImputed(table, s);
    expect(a.qaly).toEqual(b.qaly);
    expect(a.employment).toEqual(b.employment);
  });
});
