import { describe, expect, it } from 'vitest';
import { getForm } from '../../../data-dictionary/index';
import type { Field } from '../../../data-dictionary/types';
import { choiceLabel, choiceLabels, partTitle, questionText } from '../../../web/tablet/participant-view';
import { TABLET_FORMS } from '../../../web/tablet/forms';
import { LANGUAGES } from '../../../data-dictionary/types';

const eq5d5l = getForm('eq5d5l')!;
const mobility = eq5d5l.fields.find((f) => f.name === 'eq5d_mo')!;

describe('web/tablet/participant-view', () => {
  it('leaves the internal note on the neutral labels out of the part title, in every language', () => {
    for (const lang of LANGUAGES) {
      expect(eq5d5l.labels[lang]).toMatch(/\(neutral/i);
      expect(partTitle(eq5d5l, lang)).toBe('EQ-5D-5L');
    }
  });

  it('keeps every other part title as the dictionary has it: the participant title where there is one, else the label', () => {
    for (const form of TABLET_FORMS.filter((f) => !f.name.startsWith('eq5d'))) {
      for (const lang of LANGUAGES) expect(partTitle(form, lang)).toBe((form.partTitle ?? form.labels)[lang]);
    }
    expect(partTitle(getForm('baseline')!, 'sv')).toBe('Om dig');
    expect(partTitle(getForm('gse')!, 'sv')).toBe(getForm('gse')!.labels.sv);
  });

  it('asks the dictionary\'s question and answer texts where a field has them, else its labels', () => {
    const sex = getForm('baseline')!.fields.find((f) => f.name === 'sex')!;
    expect([sex.labels.sv, questionText(sex, 'sv')]).toEqual(['Kön', 'Vilket kön har du?']);
    const income = getForm('baseline')!.fields.find((f) => f.name === 'income_source')!;
    expect(choiceLabels(income, 'sv')).toEqual(income.choices!.map((c) => c.answer!.sv));
    expect(choiceLabel(income, 'sv', 'family_support')).toBe('Min familj försörjer mig');
    expect(questionText(mobility, 'sv')).toBe(mobility.labels.sv);
  });

  it('shows the EQ-5D levels without repeating the dimension in every option', () => {
    expect(mobility.choices![1].labels.sv).toMatch(/^Rörlighet: /);
    const labels = choiceLabels(mobility, 'sv');
    expect(labels).toHaveLength(5);
    expect(labels[1]).toBe(mobility.choices![1].labels.sv.replace(/^Rörlighet: n/, 'N'));
    for (const lang of LANGUAGES) {
      const heading = mobility.labels[lang].split(' (')[0];
      for (const label of choiceLabels(mobility, lang)) expect(label.startsWith(heading)).toBe(false);
    }
    expect(choiceLabel(mobility, 'en', 3)).toBe(choiceLabels(mobility, 'en')[2]);
    expect(choiceLabel(mobility, 'en', 9)).toBeUndefined();
  });

  it('changes no options but the repeated EQ-5D dimensions', () => {
    const changed = TABLET_FORMS.flatMap((form) => form.fields
      .filter((field) => field.choices && LANGUAGES.some((lang) => choiceLabels(field, lang).join() !== field.choices!.map((c) => (c.answer ?? c.labels)[lang]).join()))
      .map((field) => `${form.name}.${field.name}`));
    expect(changed).toEqual(['eq5d5l.eq5d_mo', 'eq5d5l.eq5d_sc', 'eq5d5l.eq5d_ua', 'eq5d5l.eq5d_pd', 'eq5d5l.eq5d_ad',
      'eq5d3l.eq5d_mo', 'eq5d3l.eq5d_sc', 'eq5d3l.eq5d_ua', 'eq5d3l.eq5d_pd', 'eq5d3l.eq5d_ad']);
  });

  it('shows wording without a repeated start as it is (a licensed text, options that differ)', () => {
    const field = { ...mobility, choices: mobility.choices!.map((c, i) => (i === 0 ? { ...c, labels: { ...c.labels, sv: 'Jag har inga svårigheter' } } : c)) } as Field;
    expect(choiceLabels(field, 'sv')).toEqual(field.choices!.map((c) => c.labels.sv));
  });
});
