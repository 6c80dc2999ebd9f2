import { describe, expect, it } from 'vitest';
import { imputationOptions } from '../../../../analysis/imputation/imputation-options';
import { resolveSettings, type AnalysisSettings } from '../../../../analysis/settings';

const base = (() => {
  const resolved = resolveSettings({ imputations: 30 });
  if (!resolved.ok) throw new Error('settings');
  return resolved.settings;
})();

describe('analysis/imputation/imputation-options', () => {
  it('takes m from settings.imputations and defaults to mice: 5 sweeps, 5 donors, ridge 1e-5', () => {
    expect(imputationOptions(base)).toEqual({ m: 30, iterations: 5, donors: 5, ridge: 1e-5 });
  });

  it('reads imputation.iterations and imputation.donors and names a bad key', () => {
    const extra = (imputation: unknown) => ({ ...base, imputation }) as unknown as AnalysisSettings;
    expect(imputationOptions(extra({ iterations: 10, donors: 3 }))).toMatchObject({ iterations: 10, donors: 3 });
    expect(() => imputationOptions(extra({ donors: 0 }))).toThrow('settings imputation.donors must be an integer ≥ 1, got 0');
    expect(() => imputationOptions(extra({ iterations: 2.5 }))).toThrow('imputation.iterations');
  });
});
