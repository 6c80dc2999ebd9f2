import { describe, expect, it } from 'vitest';
import { GseError, scoreGse } from '../../../../instruments/gse';

// Vectors from ../shared/reference/self_efficacy_scales.md ("Scoring vector for a TypeScript unit test"):
// all 1 → 10; all 4 → 40; (4,3,3,2,4,3,3,2,4,3) → 31; 7 answered summing to 21 → 30 under
// the ×10/answered proration; 4 missing → no score.
describe('instruments/gse', () => {
  it('sums ten answered items (10–40)', () => {
    expect(scoreGse(Array(10).fill(1))).toEqual({ score: 10, answered: 10, imputed: false });
    expect(scoreGse(Array(10).fill(4))).toEqual({ score: 40, answered: 10, imputed: false });
    expect(scoreGse([4, 3, 3, 2, 4, 3, 3, 2, 4, 3])).toEqual({ score: 31, answered: 10, imputed: false });
  });

  it('prorates 7 answered items summing to 21 to 30', () => {
    expect(scoreGse([3, 3, 3, 3, 3, 3, 3, null, null, null])).toEqual({ score: 30, answered: 7, imputed: true });
    expect(scoreGse([4, 4, 4, 4, 1, 2, 2, undefined, null, null])).toEqual({ score: 30, answered: 7, imputed: true });
  });

  it('replaces each missing item by the mean of the answered items, unrounded', () => {
    // 9 answered summing to 28: 28 + 28/9 = 280/9
    const result = scoreGse({ gse_01: 4, gse_02: 4, gse_03: 3, gse_04: 3, gse_05: 3, gse_06: 3, gse_07: 3, gse_08: 3, gse_09: 2 });
    expect(result.answered).toBe(9);
    expect(result.imputed).toBe(true);
    expect(result.score).toBeCloseTo(280 / 9, 12);
  });

  it('gives no score when 4 or more items are missing', () => {
    expect(scoreGse([3, 3, 3, 3, 3, 3, null, null, null, null])).toEqual({ score: null, answered: 6, imputed: false });
    expect(scoreGse(Array(10).fill(null))).toEqual({ score: null, answered: 0, imputed: false });
  });

  it('accepts the answers keyed by field name', () => {
    const answers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`gse_${String(i + 1).padStart(2, '0')}`, 2]));
    expect(scoreGse(answers)).toEqual({ score: 20, answered: 10, imputed: false });
  });

  it.each([
    [[5, 3, 3, 3, 3, 3, 3, 3, 3, 3], 'gse_01 is 5, expected a whole number from 1 to 4'],
    [[3, 0, 3, 3, 3, 3, 3, 3, 3, 3], 'gse_02 is 0'],
    [[3, 3, 2.5, 3, 3, 3, 3, 3, 3, 3], 'gse_03 is 2.5'],
    [[3, 3, 3, Number.NaN, 3, 3, 3, 3, 3, 3], 'gse_04 is NaN'],
    [[3, 3, 3, 3, '3', 3, 3, 3, 3, 3], 'gse_05 is "3"'],
    [[3, 3, 3], 'requires 10 items, got 3'],
    [{ gse_1: 3 }, 'unknown item gse_1'],
  ])('rejects %j', (items, message) => {
    expect(() => scoreGse(items as never)).toThrow(GseError);
    expect(() => scoreGse(items as never)).toThrow(message);
  });
});
