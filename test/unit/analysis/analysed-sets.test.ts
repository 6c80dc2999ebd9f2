import { describe, expect, it } from 'vitest';
import { analysedSets } from '../../../analysis/analysed-sets';
import type { ParticipantRecord } from '../../../analysis/participant-table';

const record = (pid: string, u: (number | null)[], suComplete: boolean[]): ParticipantRecord => ({
  pid, arm: 'ips', site: 'S', sex: null, age_band: null, withdrawnDay: null, u, qaly: u.includes(null) ? null : 1,
  suComplete, serviceUseCost: [0, 0, 0, 0], baselineCost: 0, staffCost: [0, 0], cost: 0, costByCategory: new Map(),
  employmentDays: 0, firstEmploymentDay: null,
});
const all = [true, true, true, true, true];

describe('analysis/analysed-sets', () => {
  it('applies the complete-case rules of each analysis', () => {
    const table = [
      record('complete', [1, 1, 1, 1, 1], all),
      record('no-u18', [1, 1, 1, null, 1], all),
      record('no-su24', [1, 1, 1, 1, 1], [true, true, true, true, false]),
      record('no-baseline-su', [1, 1, 1, 1, 1], [false, true, true, true, true]),
    ];
    const sets = analysedSets(table);
    expect(sets.qaly.map((r) => r.pid)).toEqual(['complete', 'no-baseline-su']);
    expect(sets.employment.map((r) => r.pid)).toEqual(['complete', 'no-u18', 'no-baseline-su']);
  });
});
