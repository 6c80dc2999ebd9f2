/**
 * The participant's own words in the data dictionary: every field a
 * participant answers on the tablet has a question (sv/da/en) and every
 * option an answer text, apart from the codebook labels; instrument items
 * whose wording is licensed (EQ-5D, GSE) are left to the study's wording.
 * "Don't know" is an explicit null that the schema accepts where the field
 * offers it, and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { forms, getForm, LANGUAGES, type Field, type Form } from '../../../data-dictionary/index';
import { validateForm } from '../../../data-dictionary/validate';
import { checkDictionary } from '../../../data-dictionary/check';

const participantForms = forms.filter((f) => f.kind === 'research' && !f.instrument?.licence);
const asked = (form: Form): Field[] => form.fields.filter((f) => !f.identifier);

describe('data-dictionary: participant questions', () => {
  it('has the project\'s own questionnaires as participant forms and leaves licensed instruments out', () => {
    expect(participantForms.map((f) => f.name)).toEqual(['baseline', 'service_use']);
    expect(forms.filter((f) => f.kind === 'research' && f.instrument?.licence).map((f) => f.name)).toEqual(['eq5d5l', 'eq5d3l', 'gse']);
  });

  it('gives every participant field a question and every option an answer text in sv, da and en', () => {
    const missing: string[] = [];
    for (const form of participantForms) {
      for (const lang of LANGUAGES) if (!form.partTitle?.[lang]?.trim()) missing.push(`${form.name} partTitle ${lang}`);
      for (const field of asked(form)) {
        for (const lang of LANGUAGES) {
          const question = field.question?.[lang]?.trim() ?? '';
          if (!question) missing.push(`${form.name}.${field.name} question ${lang}`);
          // a question, not a label: a whole sentence that ends with a question mark
          else if (!/[?.]$/.test(question)) missing.push(`${form.name}.${field.name} question ${lang} is not a sentence: ${question}`);
          for (const choice of field.choices ?? []) {
            if (!choice.answer?.[lang]?.trim()) missing.push(`${form.name}.${field.name} choice ${choice.code} answer ${lang}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('asks the baseline as questions, not the codebook labels of the issue', () => {
    const q = (name: string) => getForm('baseline')!.fields.find((f) => f.name === name)!;
    expect(q('sex').labels.sv).toBe('Kön');
    expect(q('sex').question!.sv).toBe('Vilket kön har du?');
    expect(q('income_source').question!.sv).toBe('Vad lever du huvudsakligen på just nu?');
    expect(q('ever_employed').question!.en).toBe('Have you ever had a paid job?');
    // the clinic's diagnosis is recorded by staff at screening, under the same variable name
    expect(q('diagnosis_group')).toBeUndefined();
    const diagnosis = getForm('screening')!.fields.find((f) => f.name === 'diagnosis_group')!;
    expect(diagnosis.choices!.map((c) => c.code)).toEqual(['psychotic', 'mood', 'anxiety', 'personality', 'neurodevelopmental', 'substance_use', 'other']);
    expect(diagnosis.showWhen).toEqual({ field: 'in_psychiatric_care', equals: true });
  });

  it('asks every service-use question for the last 6 months, at every timepoint including baseline', () => {
    const form = getForm('service_use')!;
    const period = { sv: 'under de senaste 6 månaderna', da: 'inden for de sidste 6 måneder', en: 'in the last 6 months' };
    for (const field of form.fields) {
      expect(field.timepoints).toEqual([0, 6, 12, 18, 24]);
      for (const lang of LANGUAGES) expect(field.question![lang], `${field.name} ${lang}`).toContain(period[lang]);
    }
    // yes/no first, then how many: the count is shown only after a yes
    const names = form.fields.map((f) => f.name);
    expect(names.slice(0, 2)).toEqual(['psychiatrist_visit_any', 'psychiatrist_visit']);
    expect(form.fields[1].showWhen).toEqual({ field: 'psychiatrist_visit_any', equals: true });
  });

  it('accepts "don\'t know" (null) as an answer where offered and refuses a missing answer', () => {
    const none = Object.fromEntries(getForm('service_use')!.fields.filter((f) => f.type === 'boolean').map((f) => [f.name, false]));
    expect(validateForm('service_use', none).ok).toBe(true);
    // don't know whether: the count is not asked
    expect(validateForm('service_use', { ...none, gp_visit_any: null }).ok).toBe(true);
    // yes, but don't know how many
    expect(validateForm('service_use', { ...none, gp_visit_any: true, gp_visit: null }).ok).toBe(true);
    expect(validateForm('service_use', { ...none, gp_visit_any: true, gp_visit: 3 }).ok).toBe(true);
    // a yes needs a count (or don't know), and a count is at least 1
    expect(validateForm('service_use', { ...none, gp_visit_any: true })).toEqual({ ok: false, errors: [{ field: 'gp_visit', message: 'gp_visit is required' }] });
    expect(validateForm('service_use', { ...none, gp_visit_any: true, gp_visit: 0 })).toEqual({ ok: false, errors: [{ field: 'gp_visit', message: 'gp_visit must be at least 1' }] });
    // not answered at all is not "don't know"
    const { gp_visit_any: _, ...unanswered } = none;
    expect(validateForm('service_use', unanswered)).toEqual({ ok: false, errors: [{ field: 'gp_visit_any', message: 'gp_visit_any is required' }] });
    // a field without dontKnow still refuses null when required
    expect(validateForm('baseline', { sex: null, birth_year: 1990, municipality: 'Örebro', education: 'compulsory', income_source: 'wage', ever_employed: false }).ok).toBe(false);
  });

  it('refuses a question or answer text with a missing language, and dontKnow on a text field', () => {
    const form: Form = {
      name: 'probe', kind: 'research', labels: { sv: 'P', da: 'P', en: 'P' },
      fields: [
        { name: 'a', labels: { sv: 'A', da: 'A', en: 'A' }, question: { sv: 'Fråga?', da: '', en: 'Question?' }, type: 'boolean', required: true, identifier: false },
        { name: 'b', labels: { sv: 'B', da: 'B', en: 'B' }, type: 'choice', required: true, identifier: false, choices: [{ code: 'x', labels: { sv: 'X', da: 'X', en: 'X' }, answer: { sv: 'X', da: 'X' } as never }] },
        { name: 'c', labels: { sv: 'C', da: 'C', en: 'C' }, type: 'text', required: false, identifier: false, dontKnow: true },
        { name: 'd', labels: { sv: 'D', da: 'D', en: 'D' }, type: 'text', required: false, identifier: false, workingAge: true },
      ],
    };
    expect(checkDictionary([form])).toEqual([
      'probe.a question: missing da label',
      'probe.b choice x answer: missing en label',
      'probe.c: dontKnow is true or false, on boolean, choice, integer and number fields only',
      'probe.d: workingAge is true or false, on an integer field only',
    ]);
  });
});
