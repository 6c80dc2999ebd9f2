import { describe, expect, it } from 'vitest';
import { eq5dIndex } from '../../../../instruments/eq5d';
import { readFixture } from './reference-model';

// test/fixtures/eq5d/test_vectors.csv: a copy of ../shared/reference/valuesets/test_vectors.csv
// (eq5d R package unit tests, published crosswalk values, exact coefficient sums; see the README there)
const [header, ...rows] = readFixture('test_vectors.csv');

describe('instruments/eq5d test vectors', () => {
  it('reads all 172 rows of the fixture', () => {
    expect(header).toEqual(['valueset', 'state', 'expected_index', 'source', 'tolerance']);
    expect(rows).toHaveLength(172);
  });

  it.each(rows.map((r) => [r[0], r[1], Number(r[2]), Number(r[4]), r[3]] as const))(
    '%s %s gives %d (±%d)',
    (valueSet, state, expected, tolerance) => {
      const index = eq5dIndex(valueSet, state);
      // + 1e-12: rows such as SE 3L 22223 (exact value 0.4885, listed as 0.489 ± 0.0005) sit exactly
      // on the tolerance in decimal; the double subtraction must not turn that into a failure
      expect(Math.abs(index - expected)).toBeLessThanOrEqual(tolerance + 1e-12);
      // the array form gives the same number
      expect(eq5dIndex(valueSet, state.split('').map(Number))).toBe(index);
    },
  );
});
