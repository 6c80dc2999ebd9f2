import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../../../../analysis/participant-table';
import { employmentOverTime } from '../../../../analysis/summaries/employment-over-time';

const record = (changes: Partial<ParticipantRecord>): ParticipantRecord => ({
  pid: 'T', arm: 'ips', site: 'S', sex: null, age_band: null, withdrawnDay: null, u: [1, 1, 1, 1, 1], qaly: 2,
  suComplete: [true, true, true, true, true], serviceUseCost: [0, 0, 0, 0], baselineCost: 0, staffCost: [0, 0], cost: 0,
  costByCategory: new Map(), employmentDays: 0, firstEmploymentDay: null, ...changes,
});

describe('analysis/summaries/employment-over-time', () => {
  it('employmentOverTime is the cumulative share ever employed, as a step function over days 0–729', () => {
    const rows = employmentOverTime([
      record({ firstEmploymentDay: 100 }), record({ firstEmploymentDay: 100 }), record({ firstEmploymentDay: 300 }), record({}),
      record({ arm: 'control', firstEmploymentDay: 0 }),
    ]);
    expect(rows.filter((r) => r.arm === 'ips')).toEqual([
      { arm: 'ips', day: 0, proportion: 0 }, { arm: 'ips', day: 100, proportion: 0.5 },
      { arm: 'ips', day: 300, proportion: 0.75 }, { arm: 'ips', day: 729, proportion: 0.75 },
    ]);
    expect(rows.filter((r) => r.arm === 'control')).toEqual([{ arm: 'control', day: 0, proportion: 1 }, { arm: 'control', day: 729, proportion: 1 }]);
  });
});
