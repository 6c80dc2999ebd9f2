// The research forms' field names are columns and item keys of the analysis
// dataset contract (../shared/brief/ANALYSIS-DATASET.md) and the unit-cost
// tables (../shared/reference/unit_costs/): read from there, not restated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getForm } from '../../../data-dictionary/index';

const shared = new URL('../../../../shared/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, shared), 'utf8');

function assessmentColumns(): string[] {
  const md = read('brief/ANALYSIS-DATASET.md');
  const lines = md.split('`assessments.csv`')[1]!.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  const names = lines.slice(start + 2, end).map((line) => line.split('|')[1]!.trim());
  return names.flatMap((cell) => {
    const range = /^([a-z0-9]+_)(\d+) … [a-z0-9]+_(\d+)$/.exec(cell);
    if (range) {
      const width = range[2]!.length;
      return Array.from({ length: Number(range[3]) - Number(range[2]) + 1 }, (_, i) => `${range[1]}${String(Number(range[2]) + i).padStart(width, '0')}`);
    }
    return cell.split(',').map((c) => c.trim());
  });
}

function unitCostItems(): Set<string> {
  const items = new Set<string>();
  for (const file of ['unit_costs_SE.csv', 'unit_costs_DK.csv']) {
    for (const line of read(`reference/unit_costs/${file}`).split('\n').slice(1)) if (line) items.add(line.split(',')[0]!);
  }
  return items;
}

/** Unit-cost rows that are not a participant's service use: staff time and programme prices. */
const NOT_SERVICE_USE = /^(staff_hour:|staff_month:|ips_|drg_point_price$|jobcenter_services$)/;

describe('data-dictionary contract with the analysis dataset', () => {
  it('names the EQ-5D and GSE fields exactly as the assessments.csv columns, in order', () => {
    const columns = assessmentColumns();
    const eq = columns.filter((c) => c.startsWith('eq'));
    const gse = columns.filter((c) => c.startsWith('gse_'));
    expect(eq).toEqual(['eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad', 'eq_vas']);
    expect(gse).toHaveLength(10);
    expect(getForm('eq5d5l')!.fields.map((f) => f.name)).toEqual(eq);
    expect(getForm('eq5d3l')!.fields.map((f) => f.name)).toEqual(eq);
    expect(getForm('gse')!.fields.map((f) => f.name)).toEqual(gse);
  });

  it('covers every service-use item of the unit-cost tables, one count per item key, each asked after a yes', () => {
    const items = [...unitCostItems()].filter((item) => !NOT_SERVICE_USE.test(item)).sort();
    const form = getForm('service_use')!;
    const counts = form.fields.filter((f) => f.type === 'integer' || f.type === 'number');
    expect(counts.map((f) => f.costItem ?? f.name).sort()).toEqual(items);
    for (const field of counts) {
      expect(field.type).toBe('integer');
      // "how many times" follows a yes: at least once; no = not asked = zero use
      expect(field.min).toBe(1);
      expect(field.unit, field.name).toBeTruthy();
      const gate = form.fields.find((f) => f.name === field.showWhen?.field);
      expect(gate?.type, field.name).toBe('boolean');
      expect(field.showWhen?.equals).toBe(true);
      // both may be answered "don't know" (stored as null, exported as missing)
      expect([gate?.dontKnow, field.dontKnow]).toEqual([true, true]);
    }
    // every field is a count or the yes/no before one
    expect(form.fields.filter((f) => f.type === 'boolean')).toHaveLength(counts.length);
  });

  it('keeps the employment-episode and time-log codes of the dataset', () => {
    const codes = (form: string, field: string) => getForm(form)!.fields.find((f) => f.name === field)!.choices!.map((c) => c.code);
    expect(codes('employment_episode', 'episode_type')).toEqual(['competitive', 'work_trial', 'sheltered', 'education', 'other']);
    expect(codes('baseline', 'sex')).toEqual(['female', 'male', 'other']);
    expect(codes('time_log', 'staff_role')).toEqual(expect.arrayContaining(['ips_specialist', 'municipal_coach']));
    expect(codes('time_log', 'activity')).toEqual(expect.arrayContaining(
      ['participant_meeting', 'employer_contact', 'team_meeting', 'benefits_counselling', 'travel']));
  });

  it('has 25 fidelity items rated 1–5: 3 staffing, 8 organisation, 14 services', () => {
    const form = getForm('fidelity_review')!;
    const items = form.fields.filter((f) => /^fid_\d\d$/.test(f.name));
    expect(items.map((f) => f.name)).toEqual(Array.from({ length: 25 }, (_, i) => `fid_${String(i + 1).padStart(2, '0')}`));
    const count = (section: string) => items.filter((f) => f.section === section).length;
    expect([count('staffing'), count('organisation'), count('services')]).toEqual([3, 8, 14]);
    for (const item of items) expect([item.min, item.max, item.required]).toEqual([1, 5, true]);
    expect(items[0]!.labels.en).toBe('1. Caseload size');
    expect(items[0]!.citation).toMatch(/Fidelity/);
  });
});
