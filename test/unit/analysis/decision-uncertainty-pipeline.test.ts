/**
 * The Fieller interval, fine-grid CEAC, CEAF and EVPI as `analyzeTrial` puts
 * them into result.json, on the fixture trials of test/fixtures/analysis/
 * against test/reference/decision-uncertainty.R (R's var/cov and the textbook
 * Fieller roots, from cea-reference.R's per-participant outcomes), and under
 * multiple imputation.
 */
import { describe, expect, it } from 'vitest';
import { FIELLER_Z } from '../../../analysis/cea/fieller95';
import { analyzeImputed } from '../../../analysis/imputation/analyze-imputed';
import { analyzeTrial } from '../../../analysis/pipeline';
import { resolveSettings, type AnalysisSettings } from '../../../analysis/settings';
import { reference, sameFieller } from './cea/decision-uncertainty-fixture';
import { fixture, loadFolder } from './helpers/load-folder';
import { DISCOUNT_RATE, fixtureTable } from './imputation/fixture-table';

describe.each(reference.trials.map((t) => [t.folder.split('/').at(-1) as string, t] as const))('decision uncertainty in result.json: %s', (name, trial) => {
  const run = async (extra: Partial<AnalysisSettings> = {}) => {
    const { dataset, settings, scoreUtility } = await loadFolder(fixture(`analysis/${name}`));
    // Fieller does not depend on the bootstrap; a small B keeps the test light
    const used = { ...settings, discountRate: trial.discountRate, bootstrap: { ...settings.bootstrap, replicates: 500 }, ...extra };
    return { result: analyzeTrial(dataset, used, { scoreUtility, sensitivity: false }), settings: used };
  };

  it('has the Fieller 95 % interval and its type of R for both analyses', async () => {
    const { result } = await run();
    sameFieller(result.qaly.fieller95, trial.qaly.fieller95, 1e-8, expect);
    sameFieller(result.employment.fieller95, trial.employment.fieller95, 1e-8, expect);
  });

  it('has a CEAC curve of ≥ 100 λ that agrees with the CEAC at every configured WTP', async () => {
    const { result, settings } = await run();
    for (const [kind, wtps] of [['qaly', settings.wtp.qaly], ['employment', settings.wtp.employmentDay]] as const) {
      const curve = result[kind].ceacCurve ?? [];
      expect(curve.length).toBeGreaterThanOrEqual(100);
      expect(curve[0].wtp).toBe(0);
      expect(curve.at(-1)?.wtp).toBeGreaterThanOrEqual(Math.max(...wtps));
      for (const point of result[kind].ceac) expect(curve.find((p) => p.wtp === point.wtp)?.probability).toBe(point.probability);
      expect(result[kind].ceaf).toHaveLength(curve.length);
      expect(result[kind].evpi).toHaveLength(curve.length);
    }
  });

  it('gives the population EVPI only when evpi.population is set', async () => {
    const without = (await run()).result;
    expect(without.qaly.evpi?.every((p) => p.population === undefined)).toBe(true);
    const { result } = await run({ evpi: { population: 2500 } });
    expect(result.settings).toMatchObject({ evpi: { population: 2500 } });
    result.qaly.evpi?.forEach((p, i) => {
      expect(p.perParticipant).toBe(without.qaly.evpi?.[i].perParticipant);
      expect(p.population).toBeCloseTo(p.perParticipant * 2500, 6);
    });
  });
});

describe('decision uncertainty under multiple imputation', () => {
  it("takes Fieller's V_C and V_E from Rubin's totals and reports the curves from the MI-Boot replicates", () => {
    const resolved = resolveSettings({ discountRate: DISCOUNT_RATE, imputations: 5, bootstrap: { replicates: 500, seed: 4 }, evpi: { population: 100 } });
    if (!resolved.ok) throw new Error('settings');
    const result = analyzeImputed(fixtureTable('mar.csv'), resolved.settings);
    const { pooled } = result;
    for (const kind of ['qaly', 'employment'] as const) {
      const analysis = result[kind];
      expect(['bounded', 'exclusive', 'unbounded']).toContain(analysis.fieller95?.type);
      expect(analysis.ceacCurve?.length).toBeGreaterThanOrEqual(100);
      expect(analysis.evpi?.[0].population).toBeCloseTo((analysis.evpi?.[0].perParticipant ?? NaN) * 100, 6);
      analysis.ceaf?.forEach((p, i) => {
        const ceac = analysis.ceacCurve?.[i].probability as number;
        expect(p.probability).toBe(p.optimal === 'ips' ? ceac : 1 - ceac);
      });
      // each limit R solves (ΔC − RΔE)² = z²(V_C − 2R·C_CE + R²V_E); with V_C, V_E = poolRubin's totals,
      // both limits must imply the same covariance C_CE
      const limits = analysis.fieller95?.limits;
      if (limits) {
        const dC = pooled.cost.estimate;
        const dE = pooled[kind].estimate;
        const covarianceAt = (r: number) =>
          (pooled.cost.totalVariance + r * r * pooled[kind].totalVariance - (dC - r * dE) ** 2 / FIELLER_Z ** 2) / (2 * r);
        const [c0, c1] = limits.map(covarianceAt);
        expect(Math.abs(c0 - c1)).toBeLessThanOrEqual(1e-6 * Math.sqrt(pooled.cost.totalVariance * pooled[kind].totalVariance));
      }
    }
  });
});
