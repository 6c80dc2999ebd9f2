import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withAttrition } from '../../../../analysis/power/sample-size';
import { twoMeansPower, twoMeansSampleSize } from '../../../../analysis/power/two-means';
import { twoProportionsPower, twoProportionsSampleSize } from '../../../../analysis/power/two-proportions';

// Golden values: test/reference/power.R — R 4.2.2 power.prop.test and power.t.test (tol = 1e-10) over a grid.
interface Case { kind: 'proportions' | 'means'; p1?: number; p2?: number; delta?: number; sd?: number; alpha: number; power: number; n: number; powerAt50: number }
const golden = JSON.parse(readFileSync(new URL('../../../reference/power.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('analysis/power', () => {
  for (const c of golden.cases) {
    const label = c.kind === 'proportions' ? `${c.p1} vs ${c.p2}` : `Δ ${c.delta}, SD ${c.sd}`;
    it(`agrees with R for ${c.kind} ${label}, alpha ${c.alpha}, power ${c.power}`, () => {
      if (c.kind === 'proportions') {
        const design = { p1: c.p1 as number, p2: c.p2 as number, alpha: c.alpha };
        expect(Math.abs(twoProportionsSampleSize(design, c.power) - c.n)).toBeLessThan(1e-6);
        expect(twoProportionsPower(design, 50)).toBeCloseTo(c.powerAt50, 9);
      } else {
        const design = { delta: c.delta as number, sd: c.sd as number, alpha: c.alpha };
        // jStat's t quantile is accurate to about 1e-8 relative
        expect(Math.abs(twoMeansSampleSize(design, c.power) - c.n)).toBeLessThan(1e-4 * c.n);
        expect(twoMeansPower(design, 50)).toBeCloseTo(c.powerAt50, 6);
      }
    });
  }

  it('rounds up, then inflates for attrition and rounds up again', () => {
    expect(withAttrition(216.48, 0.2)).toEqual({ nPerArmBeforeAttrition: 217, nPerArm: 272 });
    expect(withAttrition(100, 0)).toEqual({ nPerArmBeforeAttrition: 100, nPerArm: 100 });
    expect(() => withAttrition(100, 1)).toThrow('attrition');
  });

  it('rejects designs without a difference', () => {
    expect(() => twoProportionsSampleSize({ p1: 0.3, p2: 0.3, alpha: 0.05 }, 0.8)).toThrow('two different proportions');
    expect(() => twoMeansSampleSize({ delta: 0.1, sd: 0, alpha: 0.05 }, 0.8)).toThrow('positive standard deviation');
  });
});

describe('analysis/power/net-benefit-sample-size', () => {
  it('gives the contract\'s INMB sample size', async () => {
    const { netBenefitSampleSize } = await import('../../../../analysis/power/net-benefit-sample-size');
    // R 4.2.2: (qnorm(1 - a/2) + qnorm(p))^2 * 2 * (l^2*se^2 + sc^2 - 2*l*r*se*sc) / inmb^2
    expect(netBenefitSampleSize({ wtp: 250000, inmb: 10000, sdEffect: 0.2, sdCost: 60000, correlation: 0, alpha: 0.05 }, 0.8)).toBeCloseTo(957.563327590589, 6);
    expect(netBenefitSampleSize({ wtp: 500000, inmb: 20000, sdEffect: 0.15, sdCost: 80000, correlation: 0.3, alpha: 0.05 }, 0.9)).toBeCloseTo(442.625196463186, 6);
    expect(() => netBenefitSampleSize({ wtp: 1, inmb: 0, sdEffect: 1, sdCost: 1, correlation: 0, alpha: 0.05 }, 0.8)).toThrow('non-zero INMB');
  });
});
