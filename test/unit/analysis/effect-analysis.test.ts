import { describe, expect, it } from 'vitest';
import { analyseEffect, PLANE_POINTS } from '../../../analysis/effect-analysis';
import type { ParticipantRecord } from '../../../analysis/participant-table';
import { xoshiro128 } from '../../../analysis/stats/xoshiro128';
import { tinySettings } from './helpers/tiny-trial';

const record = (arm: 'ips' | 'control', cost: number, effect: number): ParticipantRecord => ({
  pid: `${arm}-${cost}`, arm, site: 'S', sex: null, age_band: null, withdrawnDay: null, u: [1, 1, 1, 1, 1], qaly: effect,
  suComplete: [true, true, true, true, true], serviceUseCost: [0, 0, 0, 0], baselineCost: 0, staffCost: [0, 0], cost,
  costByCategory: new Map(), employmentDays: effect, firstEmploymentDay: null,
});

describe('analysis/effect-analysis', () => {
  const records = [
    record('ips', 1000, 1.5), record('ips', 1400, 1.6), record('ips', 900, 1.2), record('ips', 2000, 1.8),
    record('control', 800, 1.3), record('control', 700, 1.1), record('control', 1200, 1.4),
  ];
  const settings = tinySettings({ bootstrap: { replicates: 5000, seed: 3, interval: 'percentile' }, wtp: { qaly: [0, 5000, 20000], employmentDay: [0] } });
  const { analysis, warnings } = analyseEffect({ kind: 'qaly', records, effectOf: (r) => r.qaly as number, setName: 'test set', settings, rng: xoshiro128(3) });

  it('computes means, increments, ICER and quadrant', () => {
    expect(analysis.analysed).toEqual({ ips: 4, control: 3 });
    expect(analysis.mean.ips.cost).toBeCloseTo(1325, 10);
    expect(analysis.mean.control.effect).toBeCloseTo(1.2666666666666666, 12);
    expect(analysis.incremental.cost).toBeCloseTo(1325 - 900, 10);
    expect(analysis.incremental.effect).toBeCloseTo(1.525 - 3.8 / 3, 12);
    expect(analysis.icer).toBeCloseTo(425 / (1.525 - 3.8 / 3), 8);
    expect(analysis.quadrant).toBe('NE');
    expect(warnings).toContain('cost per QALY: only 4 participants analysed in the ips arm; intervals and the CEAC are unreliable');
  });

  it('gives INMB at each WTP with an interval, consistent with the CEAC', () => {
    expect(analysis.netBenefit?.map((p) => p.wtp)).toEqual([0, 5000, 20000]);
    analysis.netBenefit?.forEach((point, i) => {
      expect(point.inmb).toBeCloseTo(point.wtp * analysis.incremental.effect - analysis.incremental.cost, 8);
      expect(point.ci95[0]).toBeLessThanOrEqual(point.ci95[1]);
      // CEAC is P(INMB > 0): above 0.5 exactly when the INMB median is positive — check the ordering at least
      if (point.ci95[0] > 0) expect(analysis.ceac[i].probability).toBeGreaterThan(0.97);
      if (point.ci95[1] < 0) expect(analysis.ceac[i].probability).toBeLessThan(0.03);
    });
    expect(analysis.ceac[0].probability).toBeLessThan(analysis.ceac[2].probability);
  });

  it('keeps at most PLANE_POINTS replicates for the CE plane', () => {
    expect(analysis.plane!.length).toBeLessThanOrEqual(PLANE_POINTS);
    expect(analysis.plane!.length).toBeGreaterThan(PLANE_POINTS / 2);
  });
});
