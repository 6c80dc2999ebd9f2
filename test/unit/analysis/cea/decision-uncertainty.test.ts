import { describe, expect, it } from 'vitest';
import { decisionUncertainty } from '../../../../analysis/cea/decision-uncertainty';
import { reference } from './decision-uncertainty-fixture';

const variances = { cost: 1, effect: 1, covariance: 0 };

describe('analysis/cea/decision-uncertainty', () => {
  describe.each(reference.curves.map((c) => [c.name, c] as const))('R replicates: %s', (_, c) => {
    const got = decisionUncertainty({ incremental: c.incremental, variances, replicates: c.replicates, wtps: c.wtp, population: c.population });

    it('has the CEAC of R on the same λ grid (≥ 100 λ from 0 to the largest WTP, configured ones included)', () => {
      expect(got.ceacCurve.length).toBeGreaterThanOrEqual(100);
      expect(got.ceacCurve).toHaveLength(c.ceacCurve.length);
      got.ceacCurve.forEach((p, i) => {
        expect(p.wtp).toBeCloseTo(c.ceacCurve[i].wtp, 6);
        expect(p.probability).toBeCloseTo(c.ceacCurve[i].probability, 12);
      });
      expect(got.ceacCurve[0].wtp).toBe(0);
      expect(got.ceacCurve.at(-1)?.wtp).toBe(Math.max(...c.wtp));
    });

    it('has the CEAF and EVPI of R at every λ of the curve', () => {
      expect(got.ceaf.map((p) => p.optimal)).toEqual(c.ceaf.map((p) => p.optimal));
      got.evpi.forEach((p, i) => expect(Math.abs(p.perParticipant - c.evpi[i].perParticipant)).toBeLessThanOrEqual(1e-9 * Math.max(1, c.evpi[i].perParticipant)));
      expect(got.ceaf.map((p) => p.wtp)).toEqual(got.ceacCurve.map((p) => p.wtp));
      expect(got.evpi.map((p) => p.wtp)).toEqual(got.ceacCurve.map((p) => p.wtp));
    });

    it('at λ = 0 is the share of replicates in which IPS costs less, and EVPI the expected saving forgone', () => {
      const n = c.replicates.cost.length;
      const cheaper = c.replicates.cost.filter((dc) => dc < 0);
      expect(got.ceacCurve[0].probability).toBe(cheaper.length / n);
      const meanSaving = -c.replicates.cost.reduce((a, b) => a + b, 0) / n;
      const expected = cheaper.reduce((a, b) => a - b, 0) / n - Math.max(0, meanSaving);
      expect(got.evpi[0].perParticipant).toBeCloseTo(expected, 6);
    });

    it('has a CEAF probability that is the CEAC for IPS and its complement for usual care', () => {
      got.ceaf.forEach((p, i) => {
        const ceac = got.ceacCurve[i].probability;
        expect(p.probability).toBe(p.optimal === 'ips' ? ceac : 1 - ceac);
      });
    });

    it('gives population EVPI = per-participant EVPI × population', () => {
      got.evpi.forEach((p) => expect(p.population).toBeCloseTo(p.perParticipant * c.population, 6));
    });
  });

  it('tends to the share of replicates with ΔE > 0 at a very large λ', () => {
    const c = reference.curves[0];
    const got = decisionUncertainty({ incremental: c.incremental, variances, replicates: c.replicates, wtps: [1e12] });
    const moreEffect = c.replicates.effect.filter((de) => de > 0).length / c.replicates.effect.length;
    expect(got.ceacCurve.at(-1)?.probability).toBe(moreEffect);
  });

  it('leaves out the Fieller interval when no variances are given', () => {
    const got = decisionUncertainty({ incremental: { cost: 1, effect: 1 }, variances: null, replicates: { cost: [1], effect: [1] }, wtps: [10] });
    expect(got.fieller95).toBeUndefined();
    expect(got.ceacCurve).toHaveLength(101);
  });
});
