import { describe, expect, it } from 'vitest';
import { eq5dIndex, getValueSet, listValueSets } from '../../../../instruments/eq5d';
import { allStates, referenceIndex, wideTable } from './reference-model';

// Every set of the all-country tables, every state, against the slow reference
// model that reads the CSV fixtures directly (copies of ../shared/reference/valuesets).
const TABLES = [
  { file: 'eq5d3l_TTO_all_countries_wide.csv', prefix: 'eq5d3l_TTO_', levels: 3, count: 33 },
  { file: 'eq5d3l_VAS_all_countries_wide.csv', prefix: 'eq5d3l_VAS_', levels: 3, count: 11 },
  { file: 'eq5d5l_VT_all_countries_wide.csv', prefix: 'eq5d5l_VT_', levels: 5, count: 49 },
] as const;

// eq5d R package R/eq5d3l.R, .australiaImplausible(): states whose published value replaces the model
const AUSTRALIA_FIXED: Record<string, number> = {
  '12133': 0.154, '12233': 0.101, '13133': 0.154, '13233': 0.101, '13332': 0.02, '13333': 0.02,
  '22133': 0.086, '22233': 0.033, '23133': 0.086, '23233': 0.033, '23332': -0.048, '23333': -0.048,
  '32133': -0.083, '32233': -0.136, '32333': -0.206, '33132': -0.045, '33133': -0.083, '33232': -0.098,
  '33233': -0.136, '33323': -0.199, '33332': -0.217, '33333': -0.217,
};

describe('instruments/eq5d all-country tables', () => {
  for (const table of TABLES) {
    const countries = wideTable(table.file);
    it(`${table.file} has ${table.count} sets, each listed as ${table.prefix}<Country>`, () => {
      expect(countries.size).toBe(table.count);
      const ids = new Set(listValueSets().map((s) => s.id));
      for (const country of countries.keys()) expect(ids).toContain(table.prefix + country);
    });

    for (const [country, terms] of countries) {
      const id = table.prefix + country;
      it(`${id} matches the reference model in all ${table.levels ** 5} states`, () => {
        const multiplicative = id === 'eq5d3l_VAS_Germany';
        let worst = Infinity;
        for (const state of allStates(table.levels)) {
          const index = eq5dIndex(id, state);
          if (id === 'eq5d3l_TTO_Australia' && state in AUSTRALIA_FIXED) continue;
          expect(Math.abs(index - referenceIndex(terms, state, multiplicative)), `${id} ${state}`).toBeLessThan(1e-12);
          worst = Math.min(worst, index);
        }
        // full health is the constant (1, or the published 11111 value: Sweden 3L 0.9694,
        // Sweden 5L 2020 0.9755, Canada 5L 1.1351 minus its level-1 terms = 0.9489)
        const fullHealth = eq5dIndex(id, '11111');
        expect(fullHealth).toBeGreaterThan(0.94);
        expect(fullHealth).toBeLessThanOrEqual(1);
        // the worst state is the lowest value of the set and well below full health
        const worstState = String(table.levels).repeat(5);
        expect(eq5dIndex(id, worstState)).toBeLessThan(0.45);
        // lowest published minimum among these sets: Morocco 5L 55555 = −1.491
        expect(worst).toBeGreaterThanOrEqual(-1.5);
      });
    }
  }

  it('gives 1 for full health except the sets whose published model says otherwise', () => {
    const notOne = listValueSets()
      .filter((s) => s.kind === 'value-set' && eq5dIndex(s.id, '11111') !== 1)
      .map((s) => `${s.id}=${eq5dIndex(s.id, '11111')}`);
    expect(notOne.sort()).toEqual([
      'eq5d3l_SE_TTO_Burstrom2014=0.9694',
      'eq5d3l_TTO_Sweden=0.9694',
      'eq5d5l_SE_Burstrom2020_expTTO=0.9755',
      'eq5d5l_VT_Canada=0.9489',
      'eq5d5l_VT_Sweden_2020=0.9755',
    ]);
  });

  it('uses the fixed Australian values for the implausible 3L states', () => {
    for (const [state, value] of Object.entries(AUSTRALIA_FIXED)) expect(eq5dIndex('eq5d3l_TTO_Australia', state)).toBe(value);
    expect(Object.keys((getValueSet('eq5d3l_TTO_Australia').model as { overrides: object }).overrides).sort())
      .toEqual(Object.keys(AUSTRALIA_FIXED).sort());
  });

  it('scores the German 3L VAS set as a product of factors', () => {
    // 0.9256 (any problem) × 0.9447 (MO2) × 0.4702 (SC3), from VAS.csv column Germany
    expect(eq5dIndex('eq5d3l_VAS_Germany', '23111')).toBeCloseTo(0.9256 * 0.9447 * 0.4702, 12);
  });

  it('applies the Canadian 5L level-4/5 terms and the squared count', () => {
    // 1.1351 − level terms (MO1 SC1 UA1 PD4 AD5) − PD45 − AD45 + (2−1)² × 0.0085
    const expected = 1.1351 - 0.0389 - 0.0458 - 0.0195 - 0.1776 - 0.188 - 0.1409 - 0.1277 + 0.0085;
    expect(eq5dIndex('eq5d5l_VT_Canada', '11145')).toBeCloseTo(expected, 12);
  });
});
