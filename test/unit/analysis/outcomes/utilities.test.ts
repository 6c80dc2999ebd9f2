import { describe, expect, it } from 'vitest';
import type { AssessmentRow } from '../../../../analysis/dataset/types';
import { utilitiesByParticipant } from '../../../../analysis/outcomes/utilities';

const row = (pid: string, timepoint: AssessmentRow['timepoint'], levels: (number | null)[]): AssessmentRow => ({
  pid, timepoint, day: null, eq5d_mo: levels[0], eq5d_sc: levels[1], eq5d_ua: levels[2], eq5d_pd: levels[3], eq5d_ad: levels[4],
  eq_vas: null, gse: [], su_complete: 1,
});
// a transparent scorer for the test: 1 − 0.01 × (sum of levels − 5)
const score = (levels: readonly number[]) => 1 - 0.01 * (levels.reduce((a, b) => a + b, 0) - 5);

describe('analysis/outcomes/utilities', () => {
  it('scores each timepoint into its slot and leaves missed timepoints null', () => {
    const map = utilitiesByParticipant([row('A', 0, [1, 1, 1, 1, 1]), row('A', 12, [2, 2, 2, 2, 2])], score);
    expect(map.get('A')).toEqual([1, null, 0.95, null, null]);
  });
  it('is null when any dimension is missing, without calling the scorer', () => {
    const map = utilitiesByParticipant([row('B', 6, [1, 1, null, 1, 1])], () => {
      throw new Error('must not be called');
    });
    expect(map.get('B')).toEqual([null, null, null, null, null]);
  });
  it('passes the levels in the order MO, SC, UA, PD, AD', () => {
    const seen: number[][] = [];
    utilitiesByParticipant([row('C', 0, [1, 2, 3, 4, 5])], (levels) => (seen.push([...levels]), 0));
    expect(seen).toEqual([[1, 2, 3, 4, 5]]);
  });
});
