import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../../../../analysis/participant-table';
import { utilitiesOverTime } from '../../../../analysis/summaries/utilities-over-time';

const record = (changes: Partial<ParticipantRecord>): ParticipantRecord => ({
  pid: 'T', arm: 'ips', site: 'S', sex: null, age_band: null, withdrawnDay: null, u: [1, 1, 1, 1, 1], qaly: 2,
  suComplete: [true, true, true, true, true], serviceUseCost: [0, 0, 0, 0], baselineCost: 0, staffCost: [0, 0], cost: 0,
  costByCategory: new Map(), employmentDays: 0, firstEmploymentDay: null, ...changes,
});

describe('analysis/summaries/utilities-over-time', () => {
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
});
