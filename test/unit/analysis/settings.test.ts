import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings } from '../../../analysis/settings';

describe('analysis/settings', () => {
  it('fills every default when settings.json is absent', () => {
    const resolved = resolveSettings(undefined);
    expect(resolved).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS).toMatchObject({
      instrument: 'eq5d5l', valueSet: 'eq5d5l_SE_Sun2022', discountRate: 0.03, currency: 'SEK', priceYear: 2025,
      missing: 'complete-case', imputations: 20, bootstrap: { replicates: 5000, seed: 1, interval: 'percentile' },
    });
  });
  it('merges nested keys with their defaults', () => {
    const resolved = resolveSettings({ bootstrap: { seed: 9 }, wtp: { qaly: [0, 1] }, imputation: { donors: 3 } });
    expect(resolved.ok && resolved.settings.bootstrap).toEqual({ replicates: 5000, seed: 9, interval: 'percentile' });
    expect(resolved.ok && resolved.settings.wtp.employmentDay).toEqual(DEFAULT_SETTINGS.wtp.employmentDay);
    expect(resolved.ok && resolved.settings.imputation).toEqual({ donors: 3 });
  });
  it('does not share arrays with the defaults', () => {
    const resolved = resolveSettings({});
    if (resolved.ok) resolved.settings.wtp.qaly.push(1);
    expect(DEFAULT_SETTINGS.wtp.qaly).not.toContain(1);
  });
  it('names every unknown key and bad value', () => {
    const resolved = resolveSettings({ discount: 0.03, missing: 'listwise', bootstrap: { replicates: 10, interval: 'bc' }, wtp: 5, covariates: ['region'] });
    expect(resolved.ok).toBe(false);
    const keys = resolved.ok ? [] : resolved.problems.map((p) => p.key);
    expect([...keys].sort()).toEqual(['bootstrap.interval', 'bootstrap.replicates', 'covariates', 'discount', 'missing', 'wtp']);
  });
  it('takes evpi.population as a number > 0 and has no default for it', () => {
    const resolved = resolveSettings({ evpi: { population: 4200 } });
    expect(resolved.ok && resolved.settings.evpi).toEqual({ population: 4200 });
    expect(DEFAULT_SETTINGS.evpi).toBeUndefined();
    const bad = resolveSettings({ evpi: { population: 0, people: 3 } });
    expect(bad.ok ? [] : bad.problems.map((p) => p.key).sort()).toEqual(['evpi.people', 'evpi.population']);
  });
  it('rejects a non-object', () => expect(resolveSettings([1]).ok).toBe(false));
});
