/**
 * Delta-adjusted MI against R (test/reference/subgroups-mnar.R): on R's own
 * mice imputations, R adds each shift to the imputed values (mice's `where`),
 * recomputes QALYs and costs and pools lm(nb ~ arm) with mice::pool; we shift
 * the stored outcomes by the imputed-value weights. Deterministic: 1e-9. Also
 * the analytic check: the pooled INMB moves by exactly λ·δ_u × (mean QALY
 * weight of imputed utilities) − δ_c × (mean weight of imputed costs), per arm.
 */
import { describe, expect, it } from 'vitest';
import { analyzeMnar } from '../../../../analysis/mnar/analyze-mnar';
import { deltaAdjusted, mnarWeights, type MnarData } from '../../../../analysis/mnar/delta-adjusted';
import { relativeError } from '../helpers/load-folder';
import { reference } from '../subgroups/reference';

const mi = reference.multipleImputation;
const d = 1 / (1 + reference.discountRate);
const wtp = reference.wtp;

function mnarData(): MnarData {
  const n = mi.completed[0].arm.length;
  // the participant table's view: a missing follow-up value is null
  const table = Array.from({ length: n }, (_, i) => ({
    u: [0, ...(['u6', 'u12', 'u18', 'u24'] as const).map((v) => (mi.missing[v][i] ? null : 0))],
    serviceUseCost: (['su6', 'su12', 'su18', 'su24'] as const).map((v) => (mi.missing[v][i] ? null : 0)),
  }));
  return {
    ips: Uint8Array.from(mi.completed[0].arm),
    outcomes: mi.completed.map((c) => ({
      qaly: c.u0.map((_, i) => 0.25 * c.u0[i] + 0.5 * c.u6[i] + 0.25 * c.u12[i] + d * (0.25 * c.u12[i] + 0.5 * c.u18[i] + 0.25 * c.u24[i])),
      cost: c.u0.map((_, i) => c.su6[i] + c.su12[i] + c.staff1[i] + d * (c.su18[i] + c.su24[i] + c.staff2[i])),
    })),
    ...mnarWeights(table, reference.discountRate),
  };
}

describe('analysis/mnar/delta-adjusted', () => {
  const data = mnarData();
  const unshifted = reference.multipleImputation.mnar[0];

  it('gives mice::pool of the INMB after adding each shift to the imputed values', () => {
    expect(mi.mnar.length).toBeGreaterThan(3);
    for (const expected of mi.mnar) {
      const actual = deltaAdjusted(data, expected.shifts, wtp);
      expect(relativeError(actual.inmb, expected.estimate)).toBeLessThan(1e-9);
      expect(relativeError(actual.standardError, expected.standardError)).toBeLessThan(1e-9);
      expect(relativeError(actual.df, expected.df)).toBeLessThan(1e-7);
      expect(Math.abs(actual.ci95[0] - expected.ci95[0])).toBeLessThan(1e-7 * expected.standardError);
      expect(Math.abs(actual.ci95[1] - expected.ci95[1])).toBeLessThan(1e-7 * expected.standardError);
    }
  });

  it('moves the pooled INMB by exactly the analytically implied shift (δ × share imputed, weighted)', () => {
    const base = deltaAdjusted(data, unshifted.shifts, wtp).inmb;
    for (const expected of mi.mnar.slice(1)) {
      expect(expected.analyticShift).not.toBe(0);
      const moved = deltaAdjusted(data, expected.shifts, wtp).inmb - base;
      expect(Math.abs(moved - expected.analyticShift)).toBeLessThan(1e-6 * Math.abs(expected.analyticShift) + 1e-6);
    }
  });

  it('finds the tipping point on the grid where the INMB changes sign, and the exact shift where it is 0', () => {
    const share = { utility: { ips: 0, control: 0 }, cost: { ips: 0, control: 0 } };
    const mnar = analyzeMnar(data, { tippingPoint: { shift: 'utility', arm: 'ips', to: -0.5, steps: 50 } }, wtp, share);
    const rows = mnar.tippingPoint.rows;
    expect(rows).toHaveLength(51);
    expect(rows[0].delta).toBe(0);
    expect(relativeError(rows[0].inmb, unshifted.estimate)).toBeLessThan(1e-9);
    expect(mnar.tippingPoint.baseConclusion).toBe(unshifted.estimate > 0 ? 'cost-effective' : 'not cost-effective');
    const exact = mnar.tippingPoint.tippingShift as number;
    // at the exact tipping shift the INMB is 0
    const atTip = deltaAdjusted(data, { utility: { ips: exact, control: 0 }, cost: { ips: 0, control: 0 } }, wtp);
    expect(Math.abs(atTip.inmb)).toBeLessThan(1e-6 * Math.abs(unshifted.estimate));
    const first = rows.find((r) => r.positive !== rows[0].positive);
    expect(first).toBeDefined();
    expect(mnar.tippingPoint.firstGridShift).toBe(first!.delta);
    // the first grid shift that turns the conclusion lies just past the exact one
    expect(first!.delta).toBeLessThanOrEqual(exact);
    expect(first!.delta).toBeGreaterThan(exact - 0.5 / 50 - 1e-12);
  });

  it('varies the IPS utilities by default when IPS is cost-effective, else the usual-care utilities', () => {
    const share = { utility: { ips: 0, control: 0 }, cost: { ips: 0, control: 0 } };
    const favourable = analyzeMnar(data, undefined, wtp, share);
    expect(favourable.adjusted.inmb).toBeGreaterThan(0);
    expect(favourable.tippingPoint).toMatchObject({ shift: 'utility', arm: 'ips', baseConclusion: 'cost-effective' });
    // a large extra cost for IPS participants with imputed costs makes IPS not cost-effective: the grid moves to usual care
    const costly = analyzeMnar(data, { shifts: { cost: { ips: 400000 } } }, wtp, share);
    expect(costly.adjusted.inmb).toBeLessThan(0);
    expect(costly.tippingPoint).toMatchObject({ arm: 'control', baseConclusion: 'not cost-effective' });
    expect(costly.tippingPoint.rows[costly.tippingPoint.rows.length - 1].inmb).toBeGreaterThan(costly.tippingPoint.rows[0].inmb);
  });

  it('leaves a shift of the other arm or of non-imputed participants without effect when nothing was imputed', () => {
    const none = { ...data, utilityWeight: new Float64Array(data.ips.length), costWeight: new Float64Array(data.ips.length) };
    const shifted = deltaAdjusted(none, { utility: { ips: -0.3, control: 0.1 }, cost: { ips: 9000, control: -50 } }, wtp);
    expect(relativeError(shifted.inmb, unshifted.estimate)).toBeLessThan(1e-12);
  });
});
