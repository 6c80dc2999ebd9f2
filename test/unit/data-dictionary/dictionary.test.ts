import { describe, expect, it } from 'vitest';
import { forms, getField, getForm, exportedForms, LANGUAGES } from '../../../data-dictionary/index';
import { checkDictionary } from '../../../data-dictionary/check';
import type { Form } from '../../../data-dictionary/types';

const exported = exportedForms();

describe('data-dictionary', () => {
  it('passes its own integrity check', () => {
    expect(checkDictionary(forms)).toEqual([]);
  });

  it('gives every field of the exported forms a unique name, except the shared EQ-5D columns of the 3L alternative', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const form of exported) {
      for (const field of form.fields) {
        const other = seen.get(field.name);
        if (other && !(form.alternativeTo === other)) clashes.push(`${form.name}.${field.name} vs ${other}`);
        if (!other) seen.set(field.name, form.name);
      }
    }
    expect(clashes).toEqual([]);
    const shared = getForm('eq5d3l')!.fields.map((f) => f.name);
    expect(shared).toEqual(getForm('eq5d5l')!.fields.map((f) => f.name));
  });

  it('keeps every name lower_snake and at most 26 characters', () => {
    for (const form of forms) {
      for (const field of form.fields) {
        expect(field.name, `${form.name}.${field.name}`).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
        expect(field.name.length, field.name).toBeLessThanOrEqual(26);
      }
    }
  });

  it('labels every form, section, field and choice in Swedish, Danish and English', () => {
    const missing: string[] = [];
    const need = (labels: Record<string, string> | undefined, where: string) => {
      for (const lang of LANGUAGES) if (!labels?.[lang]?.trim()) missing.push(`${where} ${lang}`);
    };
    for (const form of forms) {
      need(form.labels, form.name);
      for (const section of form.sections ?? []) need(section.labels, `${form.name}/${section.id}`);
      for (const field of form.fields) {
        need(field.labels, `${form.name}.${field.name}`);
        for (const choice of field.choices ?? []) need(choice.labels, `${form.name}.${field.name}=${choice.code}`);
      }
    }
    expect(missing).toEqual([]);
    expect(forms.length).toBeGreaterThanOrEqual(14);
  });

  it('flags name, personal number, phone and address as identifiers, and nothing in research forms', () => {
    const identity = getForm('participant_identity')!;
    const flagged = identity.fields.filter((f) => f.identifier).map((f) => f.name);
    expect(flagged).toEqual(expect.arrayContaining(['person_name', 'personal_number', 'person_phone', 'street_address']));
    const research = forms.filter((f) => f.kind === 'research').flatMap((f) => f.fields);
    expect(research.filter((f) => f.identifier)).toEqual([]);
  });

  it('finds forms and fields by name', () => {
    expect(getForm('gse')?.fields).toHaveLength(10);
    expect(getField('eq5d3l', 'eq5d_mo')?.choices?.map((c) => c.code)).toEqual([1, 2, 3]);
    expect(getField('eq5d5l', 'eq5d_mo')?.choices?.map((c) => c.code)).toEqual([1, 2, 3, 4, 5]);
    expect(getField('eq5d5l', 'nope')).toBeUndefined();
    expect(getForm('nope')).toBeUndefined();
  });

  it('marks the EQ-5D labels as not the official wording', () => {
    for (const name of ['eq5d5l', 'eq5d3l']) {
      const form = getForm(name)!;
      expect(form.labels.en).toContain('not the official EuroQol text');
      expect(form.instrument?.licence).toMatch(/EuroQol/);
      for (const field of form.fields) expect(field.note).toMatch(/NOT the official EuroQol wording/);
    }
  });

  it('reports a name clash, a long name and an unlabelled choice', () => {
    const bad: Form[] = [
      { name: 'a', kind: 'research', labels: { sv: 'a', da: 'a', en: 'a' }, fields: [
        { name: 'x', labels: { sv: 'x', da: 'x', en: 'x' }, type: 'integer', required: false, identifier: false },
        { name: 'abcdefghijklmnopqrstuvwxyz_', labels: { sv: 'x', da: 'x', en: 'x' }, type: 'integer', required: false, identifier: false },
        { name: 'y', labels: { sv: 'y', da: 'y', en: 'y' }, type: 'integer', min: 5, max: 1, maxLength: 3, required: false, identifier: false,
          showWhen: { field: 'x', equals: 'a' } },
      ] },
      { name: 'b', kind: 'operational', labels: { sv: 'b', da: 'b', en: 'b' }, fields: [
        { name: 'x', labels: { sv: 'x', da: 'x', en: 'x' }, type: 'choice', required: false, identifier: false,
          choices: [{ code: 1, labels: { sv: 'ett', da: '', en: 'one' } }] },
      ] },
    ];
    const problems = checkDictionary(bad);
    expect(problems).toContain("b.x: field name already used in form 'a'");
    expect(problems).toContain("a field 2: name 'abcdefghijklmnopqrstuvwxyz_' is not lower_snake");
    expect(problems).toContain('b.x choice 1: missing da label');
    expect(problems).toContain('a.y: min is above max');
    expect(problems).toContain('a.y: maxLength applies to text fields only');
    expect(problems).toContain('a.y: showWhen value "a" is not a value of x');
  });
});
