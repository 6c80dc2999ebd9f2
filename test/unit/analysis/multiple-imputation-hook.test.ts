/** `missing: "multiple-imputation"` runs analysis/imputation on the core's participant table over everyone randomized. */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../../analysis/pipeline';
import { fixture, loadFolder } from './helpers/load-folder';

describe('analysis/pipeline with multiple imputation', () => {
  it('analyses every randomized participant and returns the required fields', async () => {
    const { dataset, settings, scoreUtility } = await loadFolder(fixture('analysis/trial-a'));
    const result = analyzeTrial(dataset, { ...settings, missing: 'multiple-imputation', imputations: 5, bootstrap: { ...settings.bootstrap, replicates: 200 } }, { scoreUtility, sensitivity: false });
    expect(result.qaly.analysed).toEqual(result.n);
    expect(result.employment.analysed).toEqual(result.n);
    expect(Number.isFinite(result.qaly.incremental.effect)).toBe(true);
    expect(result.qaly.ci95.cost[0]).toBeLessThan(result.qaly.ci95.cost[1]);
    expect((result.settings as { missing: string }).missing).toBe('multiple-imputation');
  });

  it('records every imputation default used in settings and result.imputation, with df, fmi and the adjusted ΔQALY interval', async () => {
    const { dataset, settings, scoreUtility } = await loadFolder(fixture('analysis/trial-a'));
    const result = analyzeTrial(dataset, { ...settings, missing: 'multiple-imputation', imputations: 5, bootstrap: { ...settings.bootstrap, replicates: 200 } }, { scoreUtility, sensitivity: false });
    expect((result.settings as { imputation: unknown }).imputation).toEqual({ iterations: 5, donors: 5 });
    expect(result.imputation).toMatchObject({ method: 'pmm', m: 5, iterations: 5, donors: 5, ridge: 1e-5, lindep: { eps: 1e-4, maxcor: 0.99 } });
    expect(Array.isArray(result.imputation?.loggedEvents)).toBe(true);
    const info = result.qaly.imputation;
    for (const value of [info?.df.cost, info?.df.effect, info?.fractionMissingInformation.cost, info?.fractionMissingInformation.effect]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    const [lo, hi] = result.qaly.ci95.effectAdjusted ?? [NaN, NaN];
    expect(lo).toBeLessThan(result.qaly.incremental.effectAdjusted as number);
    expect(hi).toBeGreaterThan(result.qaly.incremental.effectAdjusted as number);
    // the result is JSON: every number survives a round trip
    expect(JSON.parse(JSON.stringify(result.imputation))).toEqual(result.imputation);
  });

  it('records the imputation defaults in settings of a complete-case analysis too (the sensitivity table imputes)', async () => {
    const { dataset, settings, scoreUtility } = await loadFolder(fixture('analysis/trial-a'));
    const result = analyzeTrial(dataset, { ...settings, imputation: { donors: 3 }, bootstrap: { ...settings.bootstrap, replicates: 200 } }, { scoreUtility, sensitivity: false });
    expect((result.settings as { imputation: unknown }).imputation).toEqual({ iterations: 5, donors: 3 });
    expect(result.imputation).toBeUndefined();
  });
});
