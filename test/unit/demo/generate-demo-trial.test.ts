import { describe, expect, it } from 'vitest';
import { EXTRACTION_DAY, generateDemoTrial, TRUE_EFFECTS, DEMO_SITES } from '../../../analysis/demo';
import { EQ5D_LOADING } from '../../../analysis/demo/true-effects';
import type { AssessmentRow, TrialDataset } from '../../../analysis/dataset/types';

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
const levels = (a: AssessmentRow) => [a.eq5d_mo, a.eq5d_sc, a.eq5d_ua, a.eq5d_pd, a.eq5d_ad];

function armOf(dataset: TrialDataset): Map<string, 'ips' | 'control'> {
  return new Map(dataset.participants.map((p) => [p.pid, p.arm]));
}

describe('analysis/demo/generate-demo-trial', () => {
  const small = generateDemoTrial({ participants: 200, seed: 3 });

  it('reproduces the same trial from the same seed and a different one from another seed', () => {
    expect(generateDemoTrial({ participants: 200, seed: 3 })).toEqual(small);
    const other = generateDemoTrial({ participants: 200, seed: 4 });
    expect(other.assessments).not.toEqual(small.assessments);
  });

  it('uses obviously synthetic, unique pids and every site of the demo trial', () => {
    const pids = small.participants.map((p) => p.pid);
    expect(new Set(pids).size).toBe(200);
    for (const pid of pids) expect(pid).toMatch(/^P\d{6}$/);
    expect(new Set(small.participants.map((p) => p.site))).toEqual(new Set(Object.keys(DEMO_SITES)));
    const ips = small.participants.filter((p) => p.arm === 'ips').length;
    expect(Math.abs(ips - 100)).toBeLessThanOrEqual(8);
  });

  it('refers only to randomized pids, priced items and priced staff roles', () => {
    const pids = new Set(small.participants.map((p) => p.pid));
    const priced = new Set(small.unitCosts.map((u) => u.item));
    for (const row of [...small.assessments, ...small.serviceUse, ...small.employment, ...small.timelogs]) {
      expect(pids.has(row.pid)).toBe(true);
    }
    for (const row of small.serviceUse) {
      expect(priced.has(row.item)).toBe(true);
      expect(row.quantity).toBeGreaterThan(0);
    }
    for (const row of small.timelogs) {
      expect(priced.has(`staff_hour:${row.role}`)).toBe(true);
      expect(Number.isInteger(row.minutes) && row.minutes > 0).toBe(true);
    }
    expect(priced.has('staff_hour:ips_specialist') && priced.has('staff_hour:municipal_coach')).toBe(true);
  });

  it('keeps every value in the range the contract allows', () => {
    for (const a of small.assessments) {
      for (const level of levels(a)) if (level !== null) expect(level >= 1 && level <= 5 && Number.isInteger(level)).toBe(true);
      for (const item of a.gse) if (item !== null) expect(item >= 1 && item <= 4).toBe(true);
      if (a.eq_vas !== null) expect(a.eq_vas >= 0 && a.eq_vas <= 100).toBe(true);
      expect([0, 1]).toContain(a.su_complete);
    }
    for (const e of small.employment) {
      if (e.end_day !== null) expect(e.end_day).toBeGreaterThanOrEqual(e.start_day);
      expect(e.start_day).toBeGreaterThanOrEqual(0);
    }
  });

  it('has withdrawals with no questionnaire after the withdrawal day', () => {
    const withdrawn = new Map(small.participants.filter((p) => p.withdrawn_day !== null).map((p) => [p.pid, p.withdrawn_day as number]));
    expect(withdrawn.size).toBeGreaterThan(3);
    for (const a of small.assessments) {
      const day = withdrawn.get(a.pid);
      if (day !== undefined && a.day !== null) expect(a.day).toBeLessThanOrEqual(day);
    }
  });

  it('has overlapping competitive jobs and jobs still ongoing at extraction', () => {
    const jobs = small.employment.filter((e) => e.type === 'competitive');
    expect(jobs.some((e) => e.end_day === null)).toBe(true);
    const overlapping = jobs.some((a) =>
      jobs.some((b) => a !== b && a.pid === b.pid && a.start_day <= b.start_day && b.start_day <= (a.end_day ?? EXTRACTION_DAY)),
    );
    expect(overlapping).toBe(true);
    expect(new Set(small.employment.map((e) => e.type)).size).toBeGreaterThanOrEqual(4);
  });

  it('loses more questionnaires as follow-up goes on, and some single answers', () => {
    const counts = [0, 6, 12, 18, 24].map((t) => small.assessments.filter((a) => a.timepoint === t).length);
    expect(counts[0]).toBe(200);
    expect(counts[4]).toBeLessThan(counts[2]);
    expect(counts[2]).toBeLessThan(counts[0]);
    expect(small.assessments.some((a) => levels(a).includes(null))).toBe(true);
    expect(small.assessments.some((a) => a.su_complete === 0)).toBe(true);
  });

  describe('a large trial recovers the true effects', () => {
    const large = generateDemoTrial({ participants: 6000, seed: 11 });
    const arm = armOf(large);
    const byArm = (arm_: 'ips' | 'control') => large.participants.filter((p) => p.arm === arm_);

    it('puts about the true share of each arm in competitive work by 18 months', () => {
      const firstJob = new Map<string, number>();
      for (const e of large.employment) {
        if (e.type === 'competitive') firstJob.set(e.pid, Math.min(firstJob.get(e.pid) ?? Infinity, e.start_day));
      }
      for (const a of ['ips', 'control'] as const) {
        // among participants still in the trial at 18 months, so withdrawal does not dilute the share
        const atRisk = byArm(a).filter((p) => p.withdrawn_day === null || p.withdrawn_day > 547);
        const share = atRisk.filter((p) => (firstJob.get(p.pid) ?? Infinity) <= 547).length / atRisk.length;
        expect(share).toBeCloseTo(TRUE_EFFECTS.competitiveBy18Months[a], 1);
        expect(Math.abs(share - TRUE_EFFECTS.competitiveBy18Months[a])).toBeLessThan(0.03);
      }
    });

    it('lowers the mean EQ-5D level at 12 months in IPS by about the true latent shift', () => {
      const levelSum = (a: 'ips' | 'control', t: number) =>
        mean(large.assessments.filter((r) => r.timepoint === t && arm.get(r.pid) === a && !levels(r).includes(null))
          .map((r) => (levels(r) as number[]).reduce((s, l) => s + l, 0)));
      const baseline = levelSum('ips', 0) - levelSum('control', 0);
      const at12 = levelSum('ips', 12) - levelSum('control', 12);
      const expected = TRUE_EFFECTS.ipsLatentHealthShift * EQ5D_LOADING.reduce((s, l) => s + l, 0);
      expect(Math.abs(baseline)).toBeLessThan(0.1);
      // rounding to levels 1–5 clamps part of the shift, and questionnaires are missed at random given baseline health
      expect(at12).toBeLessThan(expected * 0.6);
      expect(at12).toBeGreaterThan(expected * 1.3);
    });

    it('admits IPS participants less often and logs much more staff time for them', () => {
      const admissions = (a: 'ips' | 'control') => {
        const forms = large.assessments.filter((r) => r.timepoint > 0 && r.su_complete === 1 && arm.get(r.pid) === a);
        const admitted = new Set(large.serviceUse.filter((s) => s.item === 'inpatient_day' && s.timepoint > 0 && arm.get(s.pid) === a).map((s) => `${s.pid}:${s.timepoint}`));
        return admitted.size / forms.length;
      };
      const ratio = admissions('ips') / admissions('control');
      expect(ratio).toBeGreaterThan(TRUE_EFFECTS.ipsAdmissionRatio - 0.12);
      expect(ratio).toBeLessThan(TRUE_EFFECTS.ipsAdmissionRatio + 0.12);
      const minutes = (a: 'ips' | 'control') => large.timelogs.filter((t) => arm.get(t.pid) === a).reduce((s, t) => s + t.minutes, 0) / byArm(a).length;
      expect(minutes('ips') / minutes('control')).toBeGreaterThan(2);
    });
  });

  it('refuses a trial of fewer than two participants', () => {
    expect(() => generateDemoTrial({ participants: 1 })).toThrow('at least 2 participants');
  });
});
