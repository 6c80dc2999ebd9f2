import { describe, expect, it } from 'vitest';
import { getForm } from '../../../data-dictionary/index';
import eq5d from '../../../instruments/eq5d/v1.json';
import gse from '../../../instruments/gse/v1.json';
import fidelity from '../../../instruments/fidelity/v1.json';

// The data dictionary is the single source of truth for the fields; the scoring
// metadata must name the same fields with the same allowed values.
function field(form: string, name: string) {
  const found = getForm(form)?.fields.find((f) => f.name === name);
  if (!found) throw new Error(`data dictionary has no field ${form}.${name}`);
  return found;
}
const codes = (form: string, name: string) => (field(form, name).choices ?? []).map((c) => Number(c.code));

describe('instruments agree with the data dictionary', () => {
  it('EQ-5D dimensions are the eq5d5l/eq5d3l fields with levels 1–5 / 1–3', () => {
    for (const dim of eq5d.dimensions) {
      expect(codes('eq5d5l', dim.field)).toEqual(eq5d.levels.eq5d5l);
      expect(codes('eq5d3l', dim.field)).toEqual(eq5d.levels.eq5d3l);
    }
  });

  it('GSE items are the gse form fields with answers 1–4', () => {
    const gseFields = getForm('gse')!.fields.map((f) => f.name).filter((n) => n.startsWith('gse_'));
    expect(gseFields).toEqual(gse.items);
    for (const item of gse.items) expect(codes('gse', item)).toEqual([1, 2, 3, 4]);
  });

  it('fidelity items are the fidelity_review fields scored 1–5', () => {
    const fidFields = getForm('fidelity_review')!.fields.map((f) => f.name).filter((n) => /^fid_\d+$/.test(n));
    expect(fidFields).toEqual(fidelity.items);
    for (const item of fidelity.items) {
      const f = field('fidelity_review', item);
      const allowed = f.choices ? f.choices.map((c) => Number(c.code)) : [f.min, f.max];
      expect(Math.min(...(allowed as number[]))).toBe(fidelity.itemRange.min);
      expect(Math.max(...(allowed as number[]))).toBe(fidelity.itemRange.max);
    }
  });
});
