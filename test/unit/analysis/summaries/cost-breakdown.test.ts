import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../../../../analysis/participant-table';
import { costBreakdown } from '../../../../analysis/summaries/cost-breakdown';

const record = (changes: Partial<ParticipantRecord>): ParticipantRecord => ({
  pid: 'T', arm: 'ips', site: 'S', sex: null, age_band: null, withdrawnDay: null, u: [1, 1, 1, 1, 1], qaly: 2,
  suComplete: [true, true, true, true, true], serviceUseCost: [0, 0, 0, 0], baselineCost: 0, staffCost: [0, 0], cost: 0,
  costByCategory: new Map(), employmentDays: 0, firstEmploymentDay: null, ...changes,
});

describe('analysis/summaries/cost-breakdown', () => {
  it('costBreakdown averages each category per participant of the arm and sums to the mean cost', () => {
    const rows = costBreakdown([
      record({ cost: 300, costByCategory: new Map([['gp_visit', 100], ['staff_hour:ips_specialist', 200]]) }),
      record({ cost: 100, costByCategory: new Map([['gp_visit', 100]]) }),
      record({ arm: 'control', cost: 50, costByCategory: new Map([['gp_visit', 50]]) }),
    ]);
    expect(rows).toEqual([
      { arm: 'ips', category: 'gp_visit', meanCost: 100 }, { arm: 'ips', category: 'staff_hour:ips_specialist', meanCost: 100 },
      { arm: 'control', category: 'gp_visit', meanCost: 50 }, { arm: 'control', category: 'staff_hour:ips_specialist', meanCost: 0 },
    ]);
  });
});
