import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeImputed } from '../../../../analysis/imputation/analyze-imputed';
import { resolveSettings, type AnalysisSettings } from '../../../../analysis/settings';
import { DISCOUNT_RATE, fixtureTable } from './fixture-table';

// Golden values: test/reference/mice-dropped-predictors.R — R 4.2.2, mice 3.15.0, mice(method = "pmm",
// m = 50, maxit = 10) with our imputation model on the edge-case fixtures of issue 15 (made by
// test/fixtures/imputation/make-edge-cases.ts): imp$loggedEvents counted per dep/meth/out, and the
// pooled increments by pool.scalar.
interface Pooled { qbar: number; ubar: number; b: number; t: number; df: number; fmi: number }
interface Case {
  n: number;
  m: number;
  maxit: number;
  loggedEvents: { dep: string; meth: string; out: string; count: number }[];
  cost: Pooled;
  qaly: Pooled;
  qalyAdjusted: Pooled;
}
const golden = JSON.parse(readFileSync(new URL('../../../reference/mice-dropped-predictors.json', import.meta.url), 'utf8')) as Record<string, Case>;
const CASES = ['control-no-u24', 'site-skips-24', 'reference-site-skips-24'] as const;

function settings(reference: Case): AnalysisSettings {
  const resolved = resolveSettings({
    discountRate: DISCOUNT_RATE,
    imputations: reference.m,
    bootstrap: { replicates: 1000, seed: 15 },
    imputation: { iterations: reference.maxit },
  });
  if (!resolved.ok) throw new Error('settings');
  return resolved.settings;
}

/** mice's loggedEvents counted per (dep, meth, set of names left out) */
function counted(events: readonly { dep: string; meth: string; out: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) {
    const key = `${e.dep} | ${e.meth} | ${e.out.split(', ').sort().join(', ')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('analysis/imputation: predictors constant or collinear among the observed rows (as mice)', () => {
  for (const name of CASES) {
    describe(name, () => {
      const reference = golden[name];
      const result = analyzeImputed(fixtureTable(`${name}.csv`), settings(reference));

      it('leaves out the same predictors as mice, in every iteration of every imputation, and logs them', () => {
        const ours = counted(result.imputation.loggedEvents);
        const theirs = counted(reference.loggedEvents.flatMap((e) => Array.from({ length: e.count }, () => e)));
        expect(ours).toEqual(theirs);
        expect(Object.values(ours).every((count) => count === reference.m * reference.maxit)).toBe(true);
        expect(result.warnings.some((w) => w.includes('left out') && w.includes('u24'))).toBe(true);
      });

      it('pools ΔQALY, Δcost and the adjusted ΔQALY in agreement with mice within Monte-Carlo error', () => {
        for (const what of ['cost', 'qaly', 'qalyAdjusted'] as const) {
          const r = reference[what];
          const o = result.pooled[what];
          // Q̄ is a mean over m imputations, with Monte-Carlo variance B/m; the two programs draw
          // independently, so the difference has SD √(B_R/m + B_ours/m). 4 SD: false alarm ≈ 1 in 16,000.
          const mcSd = Math.sqrt(r.b / reference.m + o.betweenVariance / reference.m);
          expect(Math.abs(o.estimate - r.qbar)).toBeLessThanOrEqual(4 * mcSd);
          // T = Ū + (1 + 1/m)B; B from 50 imputations has relative SD √(2/49) (as analyze-imputed.test.ts)
          const totalTolerance = 4 * Math.SQRT2 * 1.02 * Math.max(r.b, o.betweenVariance) * Math.sqrt(2 / 49) + 0.03 * r.ubar;
          expect(Math.abs(o.totalVariance - r.t)).toBeLessThanOrEqual(totalTolerance);
        }
      });

      it('reports df, the fraction of missing information and the adjusted ΔQALY with its Rubin interval', () => {
        const info = result.qaly.imputation;
        expect(info?.df.effect).toBe(result.pooled.qaly.df);
        expect(info?.fractionMissingInformation.cost).toBe(result.pooled.cost.fractionMissingInformation);
        const adjusted = info?.effectAdjusted;
        expect(adjusted?.estimate).toBe(result.qaly.incremental.effectAdjusted);
        expect(result.qaly.ci95.effectAdjusted).toEqual(adjusted?.ci95);
        const [lo, hi] = adjusted?.ci95 ?? [NaN, NaN];
        // symmetric around Q̄, half-width t(ν, 0.975)·√T with ν the Barnard–Rubin df (between 1.96 and 2 for ν ≈ 250)
        expect((lo + hi) / 2).toBeCloseTo(adjusted?.estimate ?? NaN, 12);
        const multiplier = (hi - lo) / 2 / Math.sqrt(adjusted?.totalVariance ?? NaN);
        expect(multiplier).toBeGreaterThan(1.96);
        expect(multiplier).toBeLessThan(2);
        // fmi agrees with mice's within the sampling error of B (relative SD √(2/49))
        expect(Math.abs((adjusted?.fractionMissingInformation ?? NaN) - reference.qalyAdjusted.fmi))
          .toBeLessThanOrEqual(4 * Math.sqrt(2 / 49) * Math.max(reference.qalyAdjusted.fmi, adjusted?.fractionMissingInformation ?? 0) + 0.01);
      });
    });
  }
});
