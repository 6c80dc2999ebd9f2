import { describe, expect, it } from 'vitest';
import { eq5dIndex, getValueSet, listValueSets } from '../../../../instruments/eq5d';
import { allStates, readFixture, referenceCrosswalk, referenceIndex, wideTable } from './reference-model';

const tto3L = wideTable('eq5d3l_TTO_all_countries_wide.csv');
const states5L = allStates(5);

describe('instruments/eq5d crosswalks 5L → 3L', () => {
  it('lists the 13 published crosswalk columns as eq5d5l_CW_<Country>, taking 5L states', () => {
    const crosswalks = listValueSets().filter((s) => s.kind === 'crosswalk').map((s) => s.id);
    expect(crosswalks).toEqual(expect.arrayContaining([
      'crosswalk_5L_to_3L_UK_vanHout2012', 'crosswalk_5L_to_3L_DK_vanHout2012', 'crosswalk_5L_to_3L_SE_DERIVED_notpublished',
      ...['Bermuda', 'Denmark', 'France', 'Germany', 'Japan', 'Jordan', 'Netherlands', 'Russia', 'Spain', 'Thailand', 'UK', 'USA', 'Zimbabwe']
        .map((c) => `eq5d5l_CW_${c}`),
    ]));
    expect(crosswalks).toHaveLength(16);
    for (const id of crosswalks) {
      expect(getValueSet(id).instrument).toBe('eq5d5l');
      expect(eq5dIndex(id, '55555')).toBeLessThan(eq5dIndex(id, '11111'));
    }
  });

  // van Hout 2012's method (probability matrix × 3L value set) reproduces these published
  // columns to 3-dp rounding (≤ 0.00055). Not Jordan (0.012), Russia (0.0018), USA (0.00087)
  // and Zimbabwe (11111 = 0.9 in the crosswalk, 1 in the 3L model): docs/instruments.md.
  it.each([
    ['Bermuda', 'Bermuda'], ['Denmark', 'Denmark'], ['France', 'France'], ['Germany', 'Germany'], ['Japan', 'Japan'],
    ['Netherlands', 'Netherlands_2006'], ['Spain', 'Spain'], ['Thailand', 'Thailand'], ['UK', 'UK'],
  ])('the published %s table matches the probability method on the 3L %s set', (country, set3L) => {
    const terms = tto3L.get(set3L)!;
    const expected = referenceCrosswalk((s) => referenceIndex(terms, s));
    for (const state of states5L) {
      expect(Math.abs(eq5dIndex(`eq5d5l_CW_${country}`, state) - expected(state)), state).toBeLessThanOrEqual(0.00055);
    }
  });

  it('gives the published value of every crosswalk column in all 3125 states', () => {
    const [header, ...rows] = readFixture('crosswalk_5L_to_3L_all_vanHout2012.csv');
    expect(rows).toHaveLength(3125);
    for (const [col, country] of header.entries()) {
      if (col === 0) continue;
      for (const row of rows) expect(eq5dIndex(`eq5d5l_CW_${country}`, row[0]), `${country} ${row[0]}`).toBe(Number(row[col]));
    }
  });

  it('computes the derived Swedish crosswalk for all 3125 states as in the reference table', () => {
    const [header, ...rows] = readFixture('crosswalk_5L_to_3L_SE_DERIVED_notpublished.csv');
    expect(header[1]).toBe('index_fullhealth_0.9694');
    expect(rows).toHaveLength(3125);
    const se3L = tto3L.get('Sweden')!;
    const reference = referenceCrosswalk((s) => referenceIndex(se3L, s));
    for (const [state, published6dp] of rows) {
      const index = eq5dIndex('crosswalk_5L_to_3L_SE_DERIVED_notpublished', state);
      expect(Math.abs(index - Number(published6dp)), state).toBeLessThanOrEqual(0.0000005 + 1e-12);
      expect(Math.abs(index - reference(state)), state).toBeLessThan(1e-12);
    }
  });

  it('marks the Swedish crosswalk as derived and not published', () => {
    const se = getValueSet('crosswalk_5L_to_3L_SE_DERIVED_notpublished');
    expect(se.derived).toBe(true);
    expect(se.citation).toMatch(/DERIVED, NOT PUBLISHED/);
    expect(se.doi).toBeNull();
    expect(listValueSets().filter((s) => s.derived).map((s) => s.id)).toEqual(['crosswalk_5L_to_3L_SE_DERIVED_notpublished']);
  });
});
