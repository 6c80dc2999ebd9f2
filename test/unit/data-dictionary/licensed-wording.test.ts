import { describe, expect, it } from 'vitest';
import { forms, getForm } from '../../../data-dictionary/index';
import { applyLicensedWording } from '../../../data-dictionary/licensed-wording';
import { validateForm } from '../../../data-dictionary/validate';

// A site's wording file. The texts are placeholders of the test, not EuroQol's wording.
const overrides = {
  source: 'Test licence 0000, Swedish version (placeholder text)',
  forms: {
    eq5d5l: {
      labels: { sv: 'Formulär A' },
      fields: {
        eq5d_mo: { labels: { sv: 'Placeholder-fråga 1' }, choices: { '1': { sv: 'Placeholder-svar 1' }, '5': { sv: 'Placeholder-svar 5' } } },
      },
    },
  },
};

describe('data-dictionary/licensed-wording', () => {
  it('lays the site wording over the neutral labels and changes nothing else', () => {
    const worded = applyLicensedWording(forms, overrides);
    const before = getForm('eq5d5l')!;
    const after = worded.find((f) => f.name === 'eq5d5l')!;
    const mo = after.fields[0]!;
    expect(after.labels).toEqual({ ...before.labels, sv: 'Formulär A' });
    expect(mo.labels).toEqual({ ...before.fields[0]!.labels, sv: 'Placeholder-fråga 1' });
    expect(mo.choices![0]!.labels.sv).toBe('Placeholder-svar 1');
    expect(mo.choices![0]!.labels.en).toBe(before.fields[0]!.choices![0]!.labels.en);
    expect(mo.choices![1]).toEqual(before.fields[0]!.choices![1]);
    expect(mo.note).toBe('Wording: Test licence 0000, Swedish version (placeholder text)');
    expect(mo.choices!.map((c) => c.code)).toEqual([1, 2, 3, 4, 5]);
    expect(after.fields.slice(1)).toEqual(before.fields.slice(1));
    expect(worded.filter((f) => f.name !== 'eq5d5l')).toEqual(forms.filter((f) => f.name !== 'eq5d5l'));
    expect(getForm('eq5d5l')).toBe(before); // the dictionary itself is untouched
    expect(validateForm('eq5d5l', { eq5d_mo: 1 }, { partial: true, forms: worded }).ok).toBe(true);
  });

  it('names every unknown form, field, choice code and language, and bad shapes', () => {
    const bad = {
      source: 'x',
      forms: {
        eq5d9l: {},
        eq5d5l: {
          fields: {
            eq5d_zz: { labels: { sv: 'a' } },
            eq5d_mo: { labels: { fi: 'a', sv: '' }, choices: { '6': { sv: 'b' } } },
            eq5d_sc: 'text',
          },
        },
      },
      extra: true,
    };
    let message = '';
    try {
      applyLicensedWording(forms, bad);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const expected of [
      "unknown key 'extra'",
      'forms.eq5d9l: unknown form',
      'forms.eq5d5l.fields.eq5d_zz: unknown field of eq5d5l',
      "forms.eq5d5l.fields.eq5d_mo.labels: unknown language 'fi'",
      'forms.eq5d5l.fields.eq5d_mo.labels.sv must be one line of non-empty text',
      "forms.eq5d5l.fields.eq5d_mo.choices: unknown choice code '6'",
      'forms.eq5d5l.fields.eq5d_sc must be an object',
    ]) expect(message).toContain(expected);
    expect(() => applyLicensedWording(forms, { forms: {} })).toThrow("'source' must name the licence");
    expect(() => applyLicensedWording(forms, [])).toThrow('must be a JSON object');
  });
});
