/**
 * The fixture trials of test/fixtures/analysis/ against an independent
 * computation in R (test/reference/cea-reference.R: lm, boot 1.3 with
 * boot.ci percentile and BCa, empinf jackknife). Point estimates and the
 * per-participant outcomes must agree to 1e-9 relative; bootstrap figures
 * depend on the random stream (we cannot share R's), so they agree within
 * Monte-Carlo tolerance: 8 % of the interval's width (BCa: 10 %), 0.03 in
 * CEAC probability, 5 % in bootstrap sd, 0.05 in z0.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adjustedEffect } from '../../../analysis/adjusted-effect';
import { analysedSets } from '../../../analysis/analysed-sets';
import { buildParticipantTable } from '../../../analysis/participant-table';
import { analyzeTrial } from '../../../analysis/pipeline';
import type { EffectAnalysis, Interval } from '../../../analysis/result';
import { normalQuantile } from '../../../analysis/stats/normal-quantile';
import { stratifiedJackknife } from '../../../analysis/stats/stratified-jackknife';
import { bootstrapIncrements } from '../../../analysis/stats/bootstrap-increments';
import { xoshiro128 } from '../../../analysis/stats/xoshiro128';
import { fixture, loadFolder, readJson, relativeError } from './helpers/load-folder';

interface RAnalysis extends EffectAnalysis {
  ci95Bca: { cost: Interval; effect: Interval };
  acceleration: { cost: number; effect: number };
  z0: { cost: number; effect: number };
  sd: { cost: number; effect: number };
  effectAdjusted?: number;
  effectAdjustedCovariates?: number;
  effectAdjustedSe?: number;
  ci95EffectAdjusted?: Interval;
}
interface RReference {
  discountRate: number;
  replicates: number;
  seed: number;
  wtp: { qaly: number[]; employmentDay: number[] };
  qaly: RAnalysis;
  employment: RAnalysis;
  participants: { pid: string; qaly: number | null; cost: number; employmentDays: number }[];
}

const within = (got: Interval, want: Interval, share: number) => {
  const width = want[1] - want[0];
  expect(Math.abs(got[0] - want[0])).toBeLessThanOrEqual(share * width);
  expect(Math.abs(got[1] - want[1])).toBeLessThanOrEqual(share * width);
};

describe.each(['trial-a', 'trial-b'])('R reference: %s', (trial) => {
  const folder = fixture(`analysis/${trial}`);
  const reference = readJson<RReference>(join(folder, 'expected.json'));

  const load = async () => {
    const loaded = await loadFolder(folder);
    const settings = {
      ...loaded.settings,
      discountRate: reference.discountRate,
      bootstrap: { replicates: reference.replicates, seed: reference.seed, interval: 'bca' as const },
      wtp: reference.wtp,
    };
    return { ...loaded, settings };
  };

  it('computes every participant’s QALYs, cost and employment days as R does', async () => {
    const { dataset, settings, scoreUtility } = await load();
    const table = buildParticipantTable(dataset, scoreUtility, settings.discountRate);
    expect(table.map((r) => r.pid)).toEqual(reference.participants.map((r) => r.pid));
    table.forEach((record, i) => {
      const want = reference.participants[i];
      if (want.qaly === null) expect(record.qaly).toBeNull();
      else expect(relativeError(record.qaly as number, want.qaly)).toBeLessThan(1e-9);
      expect(Math.abs(record.cost - want.cost)).toBeLessThanOrEqual(1e-9 * Math.max(1, want.cost));
      expect(Math.abs(record.employmentDays - want.employmentDays)).toBeLessThanOrEqual(1e-9 * Math.max(1, want.employmentDays));
    });
  });

  it('agrees on point estimates to 1e-9 and on bootstrap figures within Monte-Carlo tolerance', async () => {
    const { dataset, settings, scoreUtility } = await load();
    const result = analyzeTrial(dataset, settings, { scoreUtility });
    for (const kind of ['qaly', 'employment'] as const) {
      const got = result[kind];
      const want = reference[kind];
      expect(got.analysed).toEqual(want.analysed);
      for (const arm of ['ips', 'control'] as const) {
        expect(relativeError(got.mean[arm].cost, want.mean[arm].cost)).toBeLessThan(1e-9);
        expect(relativeError(got.mean[arm].effect, want.mean[arm].effect)).toBeLessThan(1e-9);
      }
      expect(relativeError(got.incremental.cost, want.incremental.cost)).toBeLessThan(1e-9);
      expect(relativeError(got.incremental.effect, want.incremental.effect)).toBeLessThan(1e-9);
      expect(relativeError(got.icer as number, want.icer as number)).toBeLessThan(1e-9);
      within(got.ci95.cost, want.ci95.cost, 0.08);
      within(got.ci95.effect, want.ci95.effect, 0.08);
      within(got.ci95Bca!.cost, want.ci95Bca.cost, 0.1);
      within(got.ci95Bca!.effect, want.ci95Bca.effect, 0.1);
      expect(relativeError(got.sd!.cost, want.sd.cost)).toBeLessThan(0.05);
      expect(relativeError(got.sd!.effect, want.sd.effect)).toBeLessThan(0.05);
      got.ceac.forEach((point, i) => expect(Math.abs(point.probability - want.ceac[i].probability)).toBeLessThan(0.03));
    }
    expect(relativeError(result.qaly.incremental.effectAdjusted as number, reference.qaly.effectAdjusted as number)).toBeLessThan(1e-9);
    within(result.qaly.ci95.effectAdjusted as Interval, reference.qaly.ci95EffectAdjusted as Interval, 0.08);
  });

  it('agrees with lm on the covariate-adjusted ΔQALY and its standard error', async () => {
    const { dataset, settings, scoreUtility } = await load();
    const sets = analysedSets(buildParticipantTable(dataset, scoreUtility, settings.discountRate));
    const plain = adjustedEffect(sets.qaly);
    expect(relativeError(plain.standardError, reference.qaly.effectAdjustedSe as number)).toBeLessThan(1e-9);
    const full = adjustedEffect(sets.qaly, ['site', 'sex', 'age_band']);
    expect(relativeError(full.effect, reference.qaly.effectAdjustedCovariates as number)).toBeLessThan(1e-9);
  });

  it('computes the BCa acceleration exactly as boot::empinf(type = "jack") and z0 within Monte-Carlo error', async () => {
    const { dataset, settings, scoreUtility } = await load();
    const sets = analysedSets(buildParticipantTable(dataset, scoreUtility, settings.discountRate));
    for (const kind of ['qaly', 'employment'] as const) {
      const records = sets[kind];
      for (const field of ['cost', 'effect'] as const) {
        const value = (r: (typeof records)[number]) => (field === 'cost' ? r.cost : kind === 'qaly' ? (r.qaly as number) : r.employmentDays);
        const arms = [records.filter((r) => r.arm === 'ips').map(value), records.filter((r) => r.arm === 'control').map(value)];
        const means = arms.map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length);
        const influence = stratifiedJackknife(arms.map((xs) => xs.length), (s, i) => {
          const rest = arms[s].filter((_, j) => j !== i);
          const m = rest.reduce((a, b) => a + b, 0) / rest.length;
          return s === 0 ? m - means[1] : means[0] - m;
        });
        let s2 = 0;
        let s3 = 0;
        for (const l of influence) {
          s2 += l * l;
          s3 += l ** 3;
        }
        const acceleration = s3 / (6 * s2 ** 1.5);
        expect(Math.abs(acceleration - reference[kind].acceleration[field])).toBeLessThan(1e-9);
        const ips = { cost: Float64Array.from(records.filter((r) => r.arm === 'ips'), (r) => r.cost), effect: Float64Array.from(records.filter((r) => r.arm === 'ips'), (r) => (kind === 'qaly' ? (r.qaly as number) : r.employmentDays)) };
        const control = { cost: Float64Array.from(records.filter((r) => r.arm === 'control'), (r) => r.cost), effect: Float64Array.from(records.filter((r) => r.arm === 'control'), (r) => (kind === 'qaly' ? (r.qaly as number) : r.employmentDays)) };
        const replicates = bootstrapIncrements(ips, control, 20_000, xoshiro128(3))[field];
        const estimate = means[0] - means[1];
        const z0 = normalQuantile(replicates.filter((x) => x < estimate).length / replicates.length);
        expect(Math.abs(z0 - reference[kind].z0[field])).toBeLessThan(0.05);
      }
    }
  });
});
