import { describe, expect, it } from 'vitest';
import { validateForm } from '../../../data-dictionary/validate';
import type { Form } from '../../../data-dictionary/types';

const eq5d = { eq5d_mo: 1, eq5d_sc: 2, eq5d_ua: 3, eq5d_pd: 4, eq5d_ad: 5, eq_vas: 70 };
const baseline = {
  sex: 'female', birth_year: 1995, municipality: 'se_1880',
  education: 'upper_secondary', income_source: 'sickness_benefit', ever_employed: true, years_employed: 2.5,
};
const timeLog = { log_date: '2025-03-04', staff_role: 'ips_specialist', activity: 'employer_contact', minutes: 45, log_scope: 'participant' };

describe('data-dictionary/validate', () => {
  it('accepts a valid answer set and returns it with the JSON types kept', () => {
    expect(validateForm('eq5d5l', eq5d)).toEqual({ ok: true, value: eq5d });
    expect(validateForm('baseline', baseline).ok).toBe(true);
    expect(validateForm('time_log', timeLog).ok).toBe(true);
    const gse = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`gse_${String(i + 1).padStart(2, '0')}`, 3]));
    expect(validateForm('gse', gse).ok).toBe(true);
  });

  it('rejects an out-of-range choice naming the allowed codes', () => {
    const result = validateForm('eq5d5l', { ...eq5d, eq5d_mo: 6 });
    expect(result).toEqual({ ok: false, errors: [{ field: 'eq5d_mo', message: 'eq5d_mo must be one of 1, 2, 3, 4, 5' }] });
    const threeLevel = validateForm('eq5d3l', { ...eq5d, eq5d_ad: 3 });
    expect(threeLevel.ok).toBe(false);
    if (!threeLevel.ok) expect(threeLevel.errors).toContainEqual({ field: 'eq5d_pd', message: 'eq5d_pd must be one of 1, 2, 3' });
  });

  it('keeps the JSON type of choice codes: the string "1" is not the level 1', () => {
    const result = validateForm('eq5d5l', { ...eq5d, eq5d_sc: '2' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'eq5d_sc', message: 'eq5d_sc must be one of 1, 2, 3, 4, 5' }]);
  });

  it('rejects wrong types, values out of range, unknown fields and missing required fields in plain words', () => {
    const result = validateForm('baseline', { ...baseline, birth_year: '1995', years_employed: -1, foo: 1, municipality: undefined });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(expect.arrayContaining([
      { field: 'birth_year', message: 'birth_year must be a whole number' },
      { field: 'years_employed', message: 'years_employed must be at least 0' },
      { field: 'foo', message: "unknown field 'foo'" },
      { field: 'municipality', message: 'municipality is required' },
    ]));
    expect(result.errors).toHaveLength(4);
    const log = validateForm('time_log', { ...timeLog, minutes: 0 });
    expect(log).toEqual({ ok: false, errors: [{ field: 'minutes', message: 'minutes must be at least 1' }] });
    const vas = validateForm('eq5d5l', { ...eq5d, eq_vas: 70.5 });
    expect(vas).toEqual({ ok: false, errors: [{ field: 'eq_vas', message: 'eq_vas must be a whole number' }] });
  });

  it('checks dates as real calendar dates', () => {
    const result = validateForm('time_log', { ...timeLog, log_date: '2025-02-30' });
    expect(result).toEqual({ ok: false, errors: [{ field: 'log_date', message: 'log_date must be a date (YYYY-MM-DD)' }] });
  });

  it('requires a field shown by a condition only when the condition holds', () => {
    const screening = {
      screening_date: '2025-01-10', in_psychiatric_care: true, diagnosis_group: 'mood', unemployed_or_no_return: true,
      public_support: true, motivated_to_work: true, working_age: true, eligible: true,
    };
    expect(validateForm('screening', screening).ok).toBe(true);
    expect(validateForm('screening', { ...screening, eligible: false })).toEqual({
      ok: false, errors: [{ field: 'not_eligible_reason', message: 'not_eligible_reason is required' }],
    });
    expect(validateForm('screening', { ...screening, eligible: false, not_eligible_reason: null }).ok).toBe(false);
    expect(validateForm('screening', { ...screening, eligible: false, not_eligible_reason: 'declined' }).ok).toBe(true);
    expect(validateForm('baseline', { ...baseline, ever_employed: false, years_employed: undefined }).ok).toBe(true);
  });

  it('checks only the fields present in partial mode, allowing cleared (null) answers', () => {
    expect(validateForm('eq5d5l', { eq5d_mo: 2 }, { partial: true })).toEqual({ ok: true, value: { eq5d_mo: 2 } });
    expect(validateForm('eq5d5l', { eq5d_mo: 2, eq_vas: null }, { partial: true }).ok).toBe(true);
    expect(validateForm('eq5d5l', { eq5d_mo: 2 })).toMatchObject({ ok: false });
    expect(validateForm('eq5d5l', {}, { partial: true }).ok).toBe(true);
    expect(validateForm('eq5d5l', { eq5d_mo: 9, bar: 1 }, { partial: true })).toEqual({
      ok: false,
      errors: [
        { field: 'bar', message: "unknown field 'bar'" },
        { field: 'eq5d_mo', message: 'eq5d_mo must be one of 1, 2, 3, 4, 5' },
      ],
    });
  });

  it('rejects a required answer cleared to null and a body that is not an object', () => {
    expect(validateForm('eq5d5l', { ...eq5d, eq5d_mo: null })).toEqual({
      ok: false, errors: [{ field: 'eq5d_mo', message: 'eq5d_mo must be one of 1, 2, 3, 4, 5' }],
    });
    expect(validateForm('gse', [1, 2])).toEqual({
      ok: false, errors: [{ field: '', message: 'the answers must be an object of field names and values' }],
    });
  });

  it('checks identifier formats and multi-field forms', () => {
    const identity = { person_name: 'Testperson Ett', personal_number: '19121212-1212', person_phone: '070-000 00 01' };
    expect(validateForm('participant_identity', identity).ok).toBe(true);
    const bad = validateForm('participant_identity', { ...identity, personal_number: 'abc', person_email: 'not-an-email' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field).sort()).toEqual(['person_email', 'personal_number']);
  });

  it('throws for a form that does not exist', () => {
    expect(() => validateForm('nope', {})).toThrow("unknown form 'nope'");
  });
});

describe('data-dictionary/validate with other forms', () => {
  const form: Form = {
    name: 'example', kind: 'system', labels: { sv: 'Exempel', da: 'Eksempel', en: 'Example' },
    fields: [
      { name: 'colours', labels: { sv: 'Färger', da: 'Farver', en: 'Colours' }, type: 'multi_choice', required: true, identifier: false,
        choices: [{ code: 'red', labels: { sv: 'Röd', da: 'Rød', en: 'Red' } }, { code: 'blue', labels: { sv: 'Blå', da: 'Blå', en: 'Blue' } }] },
      { name: 'seen_at', labels: { sv: 'Sedd', da: 'Set', en: 'Seen' }, type: 'datetime', required: false, identifier: false },
      { name: 'weight', labels: { sv: 'Vikt', da: 'Vægt', en: 'Weight' }, type: 'number', min: 0.5, required: false, identifier: false },
      { name: 'intro', labels: { sv: 'Text', da: 'Tekst', en: 'Text' }, type: 'descriptive', required: false, identifier: false },
    ],
  };
  const check = (body: unknown) => validateForm('example', body, { forms: [form] });

  it('checks multi-choice lists, date-times and decimals', () => {
    expect(check({ colours: ['red', 'blue'], seen_at: '2025-01-02T10:00:00Z', weight: 0.5 }).ok).toBe(true);
    expect(check({ colours: ['green'] })).toEqual({ ok: false, errors: [{ field: 'colours', message: 'each choice of colours must be one of red, blue' }] });
    expect(check({ colours: ['red', 'red'] })).toEqual({ ok: false, errors: [{ field: 'colours', message: 'colours lists a choice twice' }] });
    expect(check({ colours: 'red' })).toEqual({ ok: false, errors: [{ field: 'colours', message: 'colours must be a list of choices' }] });
    expect(check({ colours: [], seen_at: 'yesterday', weight: 0.1 })).toEqual({ ok: false, errors: [
      { field: 'seen_at', message: 'seen_at must be a date and time (ISO 8601)' },
      { field: 'weight', message: 'weight must be at least 0.5' },
    ] });
  });

  it('has no answer for a descriptive field', () => {
    expect(check({ colours: [], intro: 'x' })).toEqual({ ok: false, errors: [{ field: 'intro', message: "unknown field 'intro'" }] });
  });
});
