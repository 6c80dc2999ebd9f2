import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings } from '../../../../analysis/settings';

const problems = (raw: unknown) => {
  const resolved = resolveSettings(raw);
  return resolved.ok ? [] : resolved.problems;
};

describe('analysis/settings: subgroups, wtp.reference and mnar', () => {
  it('has no subgroup and no reference WTP by default, and takes both', () => {
    expect(DEFAULT_SETTINGS.subgroups).toEqual([]);
    const resolved = resolveSettings({
      wtp: { reference: 250000 },
      subgroups: ['site', { variable: 'age_band', groups: { 'under 30': ['18-24', '25-29'], '30+': ['30-39', '40-49', '50-64'] } }],
    });
    expect(resolved.ok && resolved.settings.wtp).toEqual({ ...DEFAULT_SETTINGS.wtp, reference: 250000 });
    expect(resolved.ok && resolved.settings.subgroups[1]).toMatchObject({ variable: 'age_band' });
  });

  it.each([
    [['region'], 'entry 1 must be "site", "sex" or "age_band"'],
    [['site', 'site'], 'must not list the same subgroup twice'],
    [[{ variable: 'age_band', groups: { young: ['18-24'] } }], 'entry 1: groups must name at least two groups'],
    [[{ variable: 'age_band', groups: { a: ['18-24'], b: ['18-24'] } }], 'entry 1: level "18-24" is in two groups'],
    [[{ variable: 'sex', groups: { a: ['female'], b: [] } }], 'entry 1: group "b" must be a non-empty name with a non-empty list of levels'],
    [[{ variable: 'sex', levels: {} }], 'entry 1 has unknown key "levels"'],
    ['site', 'must be a list of'],
  ])('refuses subgroups %j naming the problem', (subgroups, message) => {
    const found = problems({ subgroups });
    expect(found).toHaveLength(1);
    expect(found[0].key).toBe('subgroups');
    expect(found[0].message).toContain(message);
  });

  it('refuses a negative reference WTP', () => {
    expect(problems({ wtp: { reference: -1 } })).toEqual([{ key: 'wtp.reference', message: 'must be a number ≥ 0 (willingness to pay per QALY), got -1' }]);
  });

  it('takes mnar shifts and a tipping-point grid under multiple imputation', () => {
    const mnar = { shifts: { utility: { ips: -0.05 }, cost: { control: 1500 } }, tippingPoint: { shift: 'cost', arm: 'ips', to: 20000, steps: 10 } };
    const resolved = resolveSettings({ missing: 'multiple-imputation', mnar });
    expect(resolved.ok && resolved.settings.mnar).toEqual(mnar);
  });

  it('refuses mnar without multiple imputation: the shifts apply to imputed values', () => {
    expect(problems({ mnar: { shifts: { utility: { ips: -0.1 } } } })).toEqual([
      { key: 'mnar', message: 'needs "missing": "multiple-imputation" (the shifts apply to imputed values)' },
    ]);
  });

  it.each([
    [{ shift: {} }, 'has unknown key "shift"'],
    [{ shifts: { qaly: { ips: 1 } } }, 'shifts.qaly is unknown'],
    [{ shifts: { utility: { both: 1 } } }, 'shifts.utility.both is unknown'],
    [{ shifts: { cost: { ips: '100' } } }, 'shifts.cost.ips must be a number'],
    [{ tippingPoint: { to: 0 } }, 'tippingPoint.to must be a number other than 0'],
    [{ tippingPoint: { steps: 0 } }, 'tippingPoint.steps must be an integer from 1 to 200'],
    [{ tippingPoint: { arm: 'both' } }, 'tippingPoint.arm must be "ips" or "control"'],
  ])('refuses mnar %j naming the problem', (mnar, message) => {
    const found = problems({ missing: 'multiple-imputation', mnar });
    expect(found).toHaveLength(1);
    expect(found[0].key).toBe('mnar');
    expect(found[0].message).toContain(message);
  });
});
