import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../../../../analysis/participant-table';
import { missingPattern } from '../../../../analysis/summaries/missing-pattern';

const record = (changes: Partial<ParticipantRecord>): ParticipantRecord => ({
  pid: 'T', arm: 'ips', site: 'S', sex: null, age_band: null, withdrawnDay: null, u: [1, 1, 1, 1, 1], qaly: 2,
  suComplete: [true, true, true, true, true], serviceUseCost: [0, 0, 0, 0], baselineCost: 0, staffCost: [0, 0], cost: 0,
  costByCategory: new Map(), employmentDays: 0, firstEmploymentDay: null, ...changes,
});

describe('analysis/summaries/missing-pattern', () => {
  it('missingPattern counts utilities, service-use forms and withdrawals by arm and timepoint', () => {
    const table = [
      record({ u: [1, null, 1, null, null], suComplete: [true, false, true, false, false], withdrawnDay: 400 }),
      record({}),
      record({ arm: 'control' }),
    ];
    const cells = missingPattern(table);
    expect(cells).toHaveLength(10);
    expect(cells.find((c) => c.arm === 'ips' && c.timepoint === 6)).toEqual({ arm: 'ips', timepoint: 6, randomized: 2, utility: 1, serviceUse: 1, withdrawn: 0 });
    // nominal day of 18 months = 547.5: withdrawn at day 400 counts from then on
    expect(cells.find((c) => c.arm === 'ips' && c.timepoint === 18)?.withdrawn).toBe(1);
    expect(cells.find((c) => c.arm === 'ips' && c.timepoint === 12)?.withdrawn).toBe(0);
  });
});
