import { describe, expect, it } from 'vitest';
import { eq5dIndex, getValueSet, listValueSets, stateAt } from '../../../../instruments/eq5d';

const NAMED = [
  'eq5d3l_UK_TTO_Dolan1997', 'eq5d3l_DK_TTO_WittrupJensen2009', 'eq5d3l_SE_TTO_Burstrom2014',
  'eq5d3l_DK_VAS_Szende2007', 'eq5d3l_UK_VAS_Szende2007', 'eq5d5l_England_Devlin2018', 'eq5d5l_DK_Jensen2021',
  'eq5d5l_SE_Sun2022', 'eq5d5l_SE_Burstrom2020_expTTO', 'eq5d5l_UK_Rowen2026',
];

describe('instruments/eq5d catalogue', () => {
  it('lists 119 value sets with unique ids, each with a citation and a source', () => {
    const sets = listValueSets();
    expect(sets).toHaveLength(10 + 3 + 13 + 33 + 11 + 49);
    expect(new Set(sets.map((s) => s.id)).size).toBe(sets.length);
    for (const s of sets) {
      expect(s.instrument).toMatch(/^eq5d[35]l$/);
      expect(s.citation.length).toBeGreaterThan(10);
      expect(getValueSet(s.id).source).toMatch(/fragla\/eq5d@bfdc7ca|computed/);
    }
  });

  it('lists every named per-set file with its DOI', () => {
    const byId = new Map(listValueSets().map((s) => [s.id, s]));
    for (const id of NAMED) expect(byId.has(id)).toBe(true);
    expect(byId.get('eq5d5l_SE_Sun2022')).toMatchObject({ instrument: 'eq5d5l', country: 'Sweden', doi: '10.1186/s12955-022-02083-w' });
    expect(byId.get('eq5d3l_SE_TTO_Burstrom2014')).toMatchObject({ instrument: 'eq5d3l', doi: '10.1007/s11136-013-0496-4' });
  });

  it('documents the Swedish 3L full-health value of 0.9694', () => {
    expect(eq5dIndex('eq5d3l_SE_TTO_Burstrom2014', '11111')).toBe(0.9694);
    expect(getValueSet('eq5d3l_SE_TTO_Burstrom2014').notes.join(' ')).toMatch(/0\.9694/);
  });

  it('gives identical numbers for sets marked as the same (named file and wide-table column)', () => {
    const sets = listValueSets().filter((s) => getValueSet(s.id).sameAs.length > 0);
    expect(sets.length).toBe(24);
    for (const s of sets) {
      const size = s.instrument === 'eq5d3l' ? 243 : 3125;
      for (const other of getValueSet(s.id).sameAs) {
        for (let code = 0; code < size; code++) {
          const state = stateAt(code, s.instrument);
          expect(eq5dIndex(other, state)).toBe(eq5dIndex(s.id, state));
        }
      }
    }
  });
});
