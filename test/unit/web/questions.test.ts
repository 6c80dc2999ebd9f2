import { describe, expect, it } from 'vitest';
import { forms, getForm } from '../../../data-dictionary/index';
import { dropHiddenAnswers, formsForTimepoint, missingRequired, questionSequence, stepperStart, widgetFor } from '../../../web/tablet/questions';
import { TABLET_FORMS } from '../../../web/tablet/forms';

const baseline = getForm('baseline')!;
const eq5d5l = getForm('eq5d5l')!;

describe('web/tablet/questions', () => {
  it('asks the baseline forms of timepoint 0 in dictionary order, without the EQ-5D-3L alternative', () => {
    expect(formsForTimepoint(TABLET_FORMS, 0).map((f) => f.name)).toEqual(['baseline', 'eq5d5l', 'gse', 'service_use']);
    expect(formsForTimepoint(TABLET_FORMS, 6).map((f) => f.name)).toEqual(['eq5d5l', 'gse', 'service_use']);
    expect(() => formsForTimepoint(TABLET_FORMS, 0, ['screening'])).toThrow(/does not know the form 'screening'/);
  });

  it('bundles the same forms as the data dictionary', () => {
    for (const form of TABLET_FORMS) expect(form).toEqual(forms.find((f) => f.name === form.name));
  });

  it('shows the follow-up questions only after "ever employed" is yes', () => {
    const keys = (answers: Record<string, unknown>) => questionSequence([baseline], 0, { baseline: answers as never }).map((q) => q.field.name);
    expect(keys({})).not.toContain('years_employed');
    expect(keys({ ever_employed: true })).toEqual(expect.arrayContaining(['years_employed', 'last_employed_year']));
    expect(keys({ ever_employed: false })).not.toContain('years_employed');
  });

  it('drops answers to questions that a changed answer hides', () => {
    expect(dropHiddenAnswers(baseline, { ever_employed: false, years_employed: 4, sex: 'female' })).toEqual({ ever_employed: false, sex: 'female' });
  });

  it('lists required questions without an answer', () => {
    const sequence = questionSequence([eq5d5l], 0, {});
    const missing = missingRequired(sequence, { eq5d5l: { eq5d_mo: 1, eq5d_sc: 1, eq5d_ua: 1, eq5d_pd: 1, eq5d_ad: 1 } });
    expect(missing.map((q) => q.key)).toEqual(['eq5d5l.eq_vas']);
  });

  it('answers the EQ VAS on the vertical scale and counts with steppers', () => {
    const field = (form: string, name: string) => getForm(form)!.fields.find((f) => f.name === name)!;
    expect(widgetFor(eq5d5l, field('eq5d5l', 'eq_vas'))).toBe('vas');
    expect(widgetFor(eq5d5l, field('eq5d5l', 'eq5d_mo'))).toBe('radio');
    expect(widgetFor(getForm('service_use')!, field('service_use', 'inpatient_day'))).toBe('stepper');
    expect(widgetFor(baseline, field('baseline', 'ever_employed'))).toBe('yes-no');
    expect(widgetFor(baseline, field('baseline', 'municipality'))).toBe('select');
  });

  it('starts an empty year stepper at this year (or the middle of the range), other numbers at their minimum', () => {
    const field = (name: string) => baseline.fields.find((f) => f.name === name)!;
    const range = (name: string): [number, number] => [field(name).min!, field(name).max!];
    expect(stepperStart(...range('last_employed_year'), 2026)).toBe(2026);
    expect(stepperStart(...range('birth_year'), 2026)).toBe(1976); // 1940–2012: this year is out of range
    expect(stepperStart(...range('years_employed'), 2026)).toBe(0);
    expect(stepperStart(0, 999, 2026)).toBe(0);
  });
});
