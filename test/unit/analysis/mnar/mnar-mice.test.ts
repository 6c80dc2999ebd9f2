/**
 * Delta-adjusted MI from our own imputations against R's mice
 * (test/reference/mnar-mice.R → mnar-mice.json): the same imputation model on
 * test/fixtures/imputation/mar.csv (pmm, m = 50, maxit = 10), the shift added
 * to the imputed values, INMB at 500,000 per QALY pooled with pool.scalar.
 * The two programs draw independently, so the pooled INMB agrees within
 * Monte-Carlo error; the change a shift makes depends only on which values
 * are missing, so that agrees to rounding.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeImputed } from '../../../../analysis/imputation/analyze-imputed';
import { deltaAdjusted, mnarWeights, type MnarShiftValues } from '../../../../analysis/mnar/delta-adjusted';
import { resolveSettings, type AnalysisSettings } from '../../../../analysis/settings';
import { DISCOUNT_RATE, fixtureTable } from '../imputation/fixture-table';

interface Case { shifts: MnarShiftValues; qbar: number; ubar: number; b: number; t: number; df: number }
const golden = JSON.parse(readFileSync(new URL('../../../reference/mnar-mice.json', import.meta.url), 'utf8')) as { wtp: number; m: number; n: number; cases: Case[] };

describe('analysis/mnar against mice with the shift added to the imputed values', () => {
  const resolved = resolveSettings({ discountRate: DISCOUNT_RATE, imputations: golden.m, bootstrap: { replicates: 100, seed: 17 } });
  if (!resolved.ok) throw new Error('settings');
  const settings = { ...resolved.settings, imputation: { iterations: 10 } } as AnalysisSettings;
  const table = fixtureTable('mar.csv');
  const imputed = analyzeImputed(table, settings);
  const data = { ips: Uint8Array.from(table, (r) => (r.arm === 'ips' ? 1 : 0)), outcomes: imputed.completed, ...mnarWeights(table, DISCOUNT_RATE) };
  const ours = golden.cases.map((c) => deltaAdjusted(data, c.shifts, golden.wtp));

  it('pools the same INMB and total variance as R within Monte-Carlo error, with and without shifts', () => {
    expect(table.length).toBe(golden.n);
    golden.cases.forEach((r, k) => {
      const o = ours[k];
      // B of our INMB: recovered from T = Ū + (1 + 1/m)B is not returned, so bound with R's B twice
      const tolerance = 4 * Math.sqrt((2 * r.b) / golden.m);
      expect(Math.abs(o.inmb - r.qbar)).toBeLessThanOrEqual(tolerance);
      const totalTolerance = 4 * Math.SQRT2 * 1.5 * r.b * Math.sqrt(2 / (golden.m - 1)) + 0.03 * r.ubar;
      expect(Math.abs(o.standardError ** 2 - r.t)).toBeLessThanOrEqual(totalTolerance);
    });
  });

  it('changes the INMB by the same amount as R for each shift (it depends only on which values are missing)', () => {
    const base = golden.cases[0];
    golden.cases.slice(1).forEach((r, k) => {
      const moved = ours[k + 1].inmb - ours[0].inmb;
      expect(Math.abs(r.qbar - base.qbar)).toBeGreaterThan(1000);
      expect(Math.abs(moved - (r.qbar - base.qbar))).toBeLessThan(1e-6 * Math.abs(r.qbar - base.qbar));
    });
  });
});
