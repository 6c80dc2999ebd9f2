/**
 * analyzeTrial on tiny hand-made trials whose answers are known by
 * construction: Δeffect = 0, IPS dominant and dominated, an arm emptied by
 * the complete-case rule, one or two participants per arm, all values equal.
 */
import { describe, expect, it } from 'vitest';
import { AnalysisDataError, messages } from '../../../analysis/messages';
import { analyzeTrial } from '../../../analysis/pipeline';
import { tinyScore, tinySettings, tinyTrial, type TinyParticipant } from './helpers/tiny-trial';

const analyze = (people: TinyParticipant[], settings = tinySettings()) =>
  analyzeTrial(tinyTrial(people), settings, { scoreUtility: tinyScore, sensitivity: false });

describe('analysis/pipeline edge cases', () => {
  it('returns a null ICER and quadrant with a warning when Δeffect = 0', () => {
    const result = analyze([
      { arm: 'ips', level: 2, visits: 5, days: 10 }, { arm: 'ips', level: 2, visits: 7, days: 10 },
      { arm: 'control', level: 2, visits: 1, days: 10 }, { arm: 'control', level: 2, visits: 3, days: 10 },
    ]);
    expect(result.qaly.incremental.effect).toBe(0);
    expect(result.qaly.incremental.cost).toBe(400);
    expect(result.qaly.icer).toBeNull();
    expect(result.qaly.quadrant).toBeNull();
    expect(result.employment.icer).toBeNull();
    expect(result.warnings).toContain(messages.zeroEffect('qaly'));
    expect(result.warnings).toContain(messages.zeroEffect('employment'));
  });

  it('places IPS dominant in SE and dominated in NW with a warning', () => {
    const dominant = analyze([
      { arm: 'ips', level: 1, visits: 1, days: 100 }, { arm: 'ips', level: 1, visits: 1, days: 50 },
      { arm: 'control', level: 3, visits: 4, days: 0 }, { arm: 'control', level: 3, visits: 6, days: 10 },
    ]);
    expect(dominant.qaly.quadrant).toBe('SE');
    // Δutility 0.2 at every timepoint: 0.2 in year 1 + 0.2 / 1.03 in year 2
    expect(dominant.qaly.incremental.effect).toBeCloseTo(0.2 + 0.2 / 1.03, 12);
    expect(dominant.qaly.icer as number).toBeLessThan(0);
    expect(dominant.warnings).toContain(messages.dominant('qaly'));
    expect(dominant.employment.quadrant).toBe('SE');
    const dominated = analyze([
      { arm: 'ips', level: 3, visits: 9, days: 0 }, { arm: 'ips', level: 3, visits: 9, days: 0 },
      { arm: 'control', level: 1, visits: 1, days: 30 }, { arm: 'control', level: 1, visits: 1, days: 30 },
    ]);
    expect(dominated.qaly.quadrant).toBe('NW');
    expect(dominated.warnings).toContain(messages.dominated('qaly'));
    expect(dominated.employment.quadrant).toBe('NW');
  });

  it('names the arm and the analysis when the complete-case rule empties an arm', () => {
    const people: TinyParticipant[] = [
      { arm: 'ips', level: 1, visits: 1, days: 0 }, { arm: 'ips', level: 1, visits: 1, days: 0 },
      { arm: 'control', level: null, visits: 1, days: 0 }, { arm: 'control', level: null, visits: 1, days: 0 },
    ];
    expect(() => analyze(people)).toThrow(AnalysisDataError);
    expect(() => analyze(people)).toThrow(/cost per QALY: no participant of the control arm is in the analysed set \(complete case/);
    const noServiceUse = people.map((p) => ({ ...p, level: 1, suComplete: p.arm === 'ips' ? false : true }));
    expect(() => analyze(noServiceUse)).toThrow(/cost per QALY: no participant of the ips arm/);
  });

  it('works with one participant per arm: degenerate intervals, small-arm warnings, no adjusted effect', () => {
    const result = analyze([{ arm: 'ips', level: 1, visits: 2, days: 5 }, { arm: 'control', level: 2, visits: 1, days: 0 }]);
    expect(result.qaly.analysed).toEqual({ ips: 1, control: 1 });
    expect(result.qaly.incremental.cost).toBe(100);
    expect(result.qaly.ci95.cost).toEqual([100, 100]);
    expect(result.qaly.incremental.effectAdjusted).toBeNull();
    expect(result.warnings).toContain(messages.smallArm('qaly', 'ips', 1));
    expect(result.warnings?.some((w) => w.startsWith('cost per QALY: the adjusted ΔQALY'))).toBe(true);
  });

  it('works with two participants per arm and gives intervals that contain the estimate', () => {
    const result = analyze([
      { arm: 'ips', level: 1, visits: 2, days: 5 }, { arm: 'ips', level: 2, visits: 4, days: 50 },
      { arm: 'control', level: 2, visits: 1, days: 0 }, { arm: 'control', level: 3, visits: 0, days: 3 },
    ], tinySettings({ bootstrap: { replicates: 500, seed: 1, interval: 'bca' } }));
    const { cost } = result.qaly.ci95;
    expect(cost[0]).toBeLessThanOrEqual(result.qaly.incremental.cost);
    expect(cost[1]).toBeGreaterThanOrEqual(result.qaly.incremental.cost);
    expect(result.qaly.ci95Bca).toBeDefined();
  });

  it('handles all values equal: zero increments, zero-width intervals, BCa falling back with a warning', () => {
    const same: TinyParticipant = { arm: 'ips', level: 2, visits: 3, days: 7 };
    const result = analyze([same, same, { ...same, arm: 'control' }, { ...same, arm: 'control' }], tinySettings({ bootstrap: { replicates: 300, seed: 2, interval: 'bca' } }));
    expect(result.qaly.incremental).toMatchObject({ cost: 0, effect: 0 });
    expect(result.qaly.ci95).toEqual({ cost: [0, 0], effect: [0, 0] });
    expect(result.qaly.sd).toEqual({ cost: 0, effect: 0 });
    expect(result.qaly.ceac.every((point) => point.probability === 0)).toBe(true);
    expect(result.warnings).toContain(messages.noSpread('qaly'));
    expect(result.warnings).toContain(messages.bcaUnavailable('qaly', 'the incremental cost'));
  });

  it('gives the same result for the same seed and a different one for another seed', () => {
    const people: TinyParticipant[] = [
      { arm: 'ips', level: 1, visits: 2, days: 5 }, { arm: 'ips', level: 2, visits: 9, days: 50 }, { arm: 'ips', level: 3, visits: 1, days: 0 },
      { arm: 'control', level: 2, visits: 1, days: 0 }, { arm: 'control', level: 3, visits: 0, days: 3 }, { arm: 'control', level: 1, visits: 5, days: 9 },
    ];
    expect(analyze(people)).toEqual(analyze(people));
    expect(analyze(people).qaly.ci95).not.toEqual(analyze(people, tinySettings({ bootstrap: { replicates: 200, seed: 5, interval: 'percentile' } })).qaly.ci95);
  });
});
