/**
 * The subgroup and MNAR analyses inside analyzeTrial under multiple
 * imputation: the unshifted INMB is the main analysis's pooled INMB, the
 * settings' shifts move it by the analytically implied amount (computed here
 * from which values the participant table lacks), subgroups are pooled by
 * Rubin's rules, and the sensitivity scenarios do not repeat them.
 */
import { describe, expect, it } from 'vitest';
import { buildParticipantTable } from '../../../../analysis/participant-table';
import { analyzeTrial } from '../../../../analysis/pipeline';
import { regularEmployment } from '../../../../analysis/outcomes/regular-employment';
import { resolveSettings } from '../../../../analysis/settings';
import { fixture, loadFolder, relativeError } from '../helpers/load-folder';

describe('analysis/pipeline: subgroups and MNAR under multiple imputation', async () => {
  const { dataset, scoreUtility } = await loadFolder(fixture('analysis/trial-a'));
  const resolved = resolveSettings({
    missing: 'multiple-imputation',
    imputations: 5,
    bootstrap: { replicates: 200, seed: 3 },
    wtp: { reference: 300000 },
    subgroups: ['sex'],
    mnar: { shifts: { utility: { ips: -0.04 }, cost: { control: -800 } } },
  });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  const result = analyzeTrial(dataset, resolved.settings, { scoreUtility });
  const mnar = result.mnar!;

  it('gives the main pooled INMB at the reference WTP when nothing is shifted', () => {
    expect(mnar.wtp).toBe(300000);
    const main = 300000 * result.qaly.incremental.effect - result.qaly.incremental.cost;
    expect(relativeError(mnar.unadjusted.inmb, main)).toBeLessThan(1e-9);
    expect(relativeError(mnar.unadjusted.cost, result.qaly.incremental.cost)).toBeLessThan(1e-9);
    // row 0 of the grid sets the varied shift to 0 and keeps the others
    const varied = mnar.tippingPoint.arm === 'ips' ? 300000 * (-0.04) * meanWeight('ips').utility : 0;
    expect(relativeError(mnar.tippingPoint.rows[0].inmb, mnar.adjusted.inmb - varied)).toBeLessThan(1e-9);
  });

  const table = buildParticipantTable(regularEmployment(dataset, true), scoreUtility, 0.03);
  const d = 1 / 1.03;
  function meanWeight(arm: 'ips' | 'control') {
    const rows = table.filter((r) => r.arm === arm);
    const u = rows.map((r) => [0.5, 0.25 + 0.25 * d, 0.5 * d, 0.25 * d].reduce((s, w, t) => s + (r.u[t + 1] === null ? w : 0), 0));
    const c = rows.map((r) => [1, 1, d, d].reduce((s, w, t) => s + (r.serviceUseCost[t] === null ? w : 0), 0));
    return { utility: u.reduce((a, b) => a + b, 0) / rows.length, cost: c.reduce((a, b) => a + b, 0) / rows.length };
  }

  it("moves the INMB by the settings' shifts times the mean weight of the imputed values", () => {
    expect(meanWeight('ips').utility).toBeGreaterThan(0);
    expect(meanWeight('control').cost).toBeGreaterThan(0);
    const implied = 300000 * (-0.04) * meanWeight('ips').utility - (0 - -800 * meanWeight('control').cost);
    expect(Math.abs(mnar.adjusted.inmb - mnar.unadjusted.inmb - implied)).toBeLessThan(1e-6 * Math.abs(implied));
    expect(mnar.shifts).toEqual({ utility: { ips: -0.04, control: 0 }, cost: { ips: 0, control: -800 } });
  });

  it('reports the default tipping grid (utility 0 to −0.2 in 20 steps, in the arm whose worse missing values could turn the conclusion) and the share imputed', () => {
    expect(mnar.tippingPoint.shift).toBe('utility');
    expect(mnar.tippingPoint.arm).toBe(mnar.adjusted.inmb > 0 ? 'ips' : 'control');
    expect(mnar.tippingPoint.rows.map((r) => r.delta)).toEqual(Array.from({ length: 21 }, (_, k) => (k === 0 ? 0 : (-0.2 * k) / 20)));
    const imputed = table.filter((r) => r.arm === 'ips').flatMap((r) => r.u.slice(1)).filter((u) => u === null).length;
    expect(mnar.imputedShare.utility.ips).toBeCloseTo(imputed / (4 * result.n.ips), 12);
  });

  it('pools the subgroups over the imputations and records the reference WTP used', () => {
    expect(result.subgroups?.[0]).toMatchObject({ variable: 'sex', method: 'rubin', wtp: 300000 });
    expect(result.subgroups?.[0].interaction?.test).toBe('D2');
    expect(result.settings).toMatchObject({ wtp: { reference: 300000 }, subgroups: ['sex'] });
  });

  it('leaves subgroups and MNAR out of the sensitivity scenarios and out of a complete-case result', () => {
    const plain = resolveSettings({ bootstrap: { replicates: 200 } });
    if (!plain.ok) throw new Error('settings');
    const cc = analyzeTrial(dataset, plain.settings, { scoreUtility, sensitivity: false });
    expect(cc.mnar).toBeUndefined();
    expect(cc.subgroups).toBeUndefined();
    expect(cc.settings).toMatchObject({ wtp: { reference: 500000 } });
  });
});
