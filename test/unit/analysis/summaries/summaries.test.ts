import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../../../../analysis/participant-table';
import { costBreakdown } from '../../../../analysis/summaries/cost-breakdown';
import { employmentOverTime } from '../../../../analysis/summaries/employment-over-time';
import { missingPattern } from '../../../../analysis/summaries/missing-pattern';
import { utilitiesOverTime } from '../../../../analysis/summaries/utilities-over-time';

const record = (changes: Partial<ParticipantRecord>): ParticipantRecord => ({
  pid: 'T', arm: 'ips', site: 'S', sex: null, age_band: null, withdrawnDay: null, u: [1, 1, 1, 1, 1], qaly: 2,
  suComplete: [true, true, true, true, true], serviceUseCost: [0, 0, 0, 0], baselineCost: 0, staffCost: [0, 0], cost: 0,
  costByCategory: new Map(), employmentDays: 0, firstEmploymentDay: null, ...changes,
});

describe('analysis/summaries', () => {
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

  it('utilitiesOverTime gives available-case means with a normal 95 % interval', () => {
    const rows = utilitiesOverTime([record({ u: [0.5, 0.6, null, null, null] }), record({ u: [0.7, null, null, null, null] })]);
    const baseline = rows.find((r) => r.arm === 'ips' && r.timepoint === 0)!;
    expect(baseline.n).toBe(2);
    expect(baseline.mean).toBeCloseTo(0.6, 12);
    // sd = 0.1414214, half-width = 1.959964 × 0.1414214 / √2 = 0.1959964
    expect(baseline.ci95![1] - (baseline.mean as number)).toBeCloseTo(0.1959964, 6);
    expect(rows.find((r) => r.arm === 'ips' && r.timepoint === 6)).toMatchObject({ n: 1, mean: 0.6, ci95: null });
    expect(rows.find((r) => r.arm === 'control' && r.timepoint === 0)).toMatchObject({ n: 0, mean: null });
  });

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
