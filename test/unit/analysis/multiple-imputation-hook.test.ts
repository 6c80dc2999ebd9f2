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
});
