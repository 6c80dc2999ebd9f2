import { describe, expect, it } from 'vitest';
import { adjustedEffect } from '../../../analysis/adjusted-effect';
import type { ParticipantRecord } from '../../../analysis/participant-table';
import { ordinaryLeastSquares } from '../../../analysis/stats/ordinary-least-squares';

const record = (arm: 'ips' | 'control', u0: number, qaly: number, site = 'A', sex: string | null = 'female'): ParticipantRecord => ({
  pid: `${arm}${u0}${qaly}`, arm, site, sex, age_band: '30-39', withdrawnDay: null, u: [u0, 1, 1, 1, 1], qaly,
  suComplete: [true, true, true, true, true], serviceUseCost: [0, 0, 0, 0], baselineCost: 0, staffCost: [0, 0], cost: 0,
  costByCategory: new Map(), employmentDays: 0, firstEmploymentDay: null,
});

describe('analysis/adjusted-effect', () => {
  it('recovers the arm effect exactly when qaly = 0.3 + 0.1·arm + 1.5·u0', () => {
    const records = [0.2, 0.5, 0.7, 0.9].flatMap((u0) => [record('ips', u0, 0.3 + 0.1 + 1.5 * u0), record('control', u0 + 0.05, 0.3 + 1.5 * (u0 + 0.05))]);
    expect(adjustedEffect(records).effect).toBeCloseTo(0.1, 12);
  });

  it('adds site and sex dummies with the alphabetically first level as reference and (missing) as a level', () => {
    const records = [
      record('ips', 0.5, 1.2, 'B', 'male'), record('ips', 0.6, 1.4, 'A', null), record('ips', 0.4, 1.1, 'C', 'female'),
      record('control', 0.5, 1.0, 'A', 'female'), record('control', 0.7, 1.3, 'B', 'male'), record('control', 0.3, 0.9, 'C', null),
      record('ips', 0.8, 1.6, 'A', 'female'), record('control', 0.6, 1.1, 'B', null), record('ips', 0.2, 0.9, 'B', 'male'),
    ];
    // levels: site A | B, C; sex "(missing)" | female, male
    const design = records.map((r) => [1, r.arm === 'ips' ? 1 : 0, r.u[0] as number, r.site === 'B' ? 1 : 0, r.site === 'C' ? 1 : 0, r.sex === 'female' ? 1 : 0, r.sex === 'male' ? 1 : 0]);
    const expected = ordinaryLeastSquares(design, records.map((r) => r.qaly as number)).coefficients[1];
    expect(adjustedEffect(records, ['site', 'sex']).effect).toBeCloseTo(expected, 12);
  });

  it('throws when there are not more participants than coefficients', () => {
    expect(() => adjustedEffect([record('ips', 0.5, 1), record('control', 0.4, 0.9), record('ips', 0.3, 0.8)])).toThrow('3 participants for 3 regression coefficients');
  });
});
