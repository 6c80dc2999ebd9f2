import { describe, expect, it } from 'vitest';
import { getForm } from '../../../data-dictionary/index';
import { missingSusFields, susAgeGroup, SUS_FORM, SUS_ORDER } from '../../../data-dictionary/sus';

describe('data-dictionary/sus', () => {
  it('orders every field of the SUS forms exactly once, and cites SUS on each', () => {
    for (const kind of ['start', 'end'] as const) {
      const form = getForm(SUS_FORM[kind])!;
      expect([...SUS_ORDER[kind]].sort()).toEqual(form.fields.map((f) => f.name).sort());
      for (const field of form.fields) expect(field.citation, field.name).toMatch(/susam\.se/);
    }
  });

  it('asks an anonymous participant only for the dates, a consenting one for everything but the wage-subsidy flag', () => {
    expect(missingSusFields('start', { sus_start_date: '2025-01-02', sus_consent: false }, false)).toEqual([]);
    expect(missingSusFields('start', { sus_start_date: '2025-01-02', sus_consent: true, sus_support_before: [] }, true))
      .toEqual(['sus_support_before', 'sus_work_before_pct', 'sus_study_before_pct', 'sus_education_level', 'sus_support_time']);
    expect(missingSusFields('end', { sus_end_date: '2025-06-02', sus_end_reason: 'moved', sus_work_after_pct: 0, sus_study_after_pct: 0, sus_support_after: ['no_support'] }, true)).toEqual([]);
    expect(missingSusFields('end', { sus_end_date: '2025-06-02' }, false)).toEqual([]);
  });

  it('puts ages in SUS age groups by the year of the start', () => {
    expect(susAgeGroup(2006, '2025-03-01')).toBe('16-19');
    expect(susAgeGroup(2005, '2025-03-01')).toBe('20-24');
    expect(susAgeGroup(1986, '2025-03-01')).toBe('30-39');
    expect(susAgeGroup(1965, '2025-03-01')).toBe('60+');
    expect(susAgeGroup(null, '2025-03-01')).toBeNull();
  });
});
