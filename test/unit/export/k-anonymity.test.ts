import { describe, expect, it } from 'vitest';
import { ageBand, coarsenAgeBand } from '../../../server/export/age-band';
import { applyPlan, planAnonymity, quasiIdentifierKey, SUPPRESSED_SITE, type QuasiIdentifiers } from '../../../server/export/k-anonymity';

function people(spec: [string, string | null, string | null, number][]): QuasiIdentifiers[] {
  return spec.flatMap(([site, sex, age_band, n]) => Array.from({ length: n }, () => ({ site, sex, age_band })));
}

function counts(rows: QuasiIdentifiers[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(quasiIdentifierKey(r), (m.get(quasiIdentifierKey(r)) ?? 0) + 1);
  return m;
}

/** A small deterministic generator (no Math.random in tests that must reproduce). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('server/export/k-anonymity', () => {
  it('changes nothing when every combination already has k members', () => {
    const rows = people([['A', 'female', '18-24', 5], ['A', 'male', '18-24', 6], ['B', 'female', '30-39', 9]]);
    const plan = planAnonymity(counts(rows), 5);
    expect(rows.map((r) => applyPlan(plan, r))).toEqual(rows);
    expect(plan.notes.join(' ')).toContain('No coarsening or suppression was needed');
  });

  it('suppresses sex and age band of a lone participant and lists it', () => {
    const rows = people([['A', 'female', '18-24', 40], ['A', 'male', '18-24', 40], ['A', 'female', '65+', 1], ['A', null, null, 4]]);
    const plan = planAnonymity(counts(rows), 5);
    const out = rows.map((r) => applyPlan(plan, r));
    expect(out.filter((r) => r.sex === null && r.age_band === null)).toHaveLength(5);
    expect(plan.suppressedParticipants).toBe(1);
    expect(plan.notes.some((n) => n.includes('suppressed (empty) for 1 of 85'))).toBe(true);
  });

  it('suppresses the site of a site too small to hide anyone', () => {
    const rows = people([['A', 'female', '18-24', 50], ['B', 'male', '30-39', 2], ['C', 'female', '40-49', 3]]);
    const plan = planAnonymity(counts(rows), 5, 0.5);
    const out = rows.map((r) => applyPlan(plan, r));
    expect(out.filter((r) => r.site === SUPPRESSED_SITE)).toHaveLength(5);
  });

  it('k-anonymity holds on the output for random studies and every k', () => {
    const sites = ['S1', 'S2', 'S3', 'S4'];
    const sexes = ['female', 'male', 'other', null];
    const bands = ['<18', '18-24', '25-29', '30-39', '40-49', '50-64', '65+', null];
    for (let seed = 1; seed <= 40; seed += 1) {
      const rnd = lcg(seed);
      const n = 20 + Math.floor(rnd() * 2000);
      const rows = Array.from({ length: n }, () => ({
        site: sites[Math.floor(rnd() ** 2 * sites.length)],
        sex: sexes[Math.floor(rnd() ** 1.5 * sexes.length)],
        age_band: bands[Math.floor(rnd() * bands.length)],
      }));
      for (const k of [2, 3, 5, 10]) {
        const plan = planAnonymity(counts(rows), k);
        const out = counts(rows.map((r) => applyPlan(plan, r)));
        const small = [...out.values()].filter((c) => c < k);
        expect(small, `seed ${seed}, n ${n}, k ${k}: ${JSON.stringify(plan)}`).toEqual([]);
        expect(plan.unmetClasses).toBe(0);
      }
    }
  });

  it('warns when the whole study is smaller than k', () => {
    const plan = planAnonymity(counts(people([['A', 'female', '18-24', 2]])), 5);
    expect(plan.unmetClasses).toBe(1);
    expect(plan.notes.join(' ')).toContain('WARNING');
  });

  it('refuses a k that is not a whole number ≥ 1', () => {
    expect(() => planAnonymity(new Map(), 0)).toThrow('k must be a whole number ≥ 1, got 0');
  });
});

describe('server/export/age-band', () => {
  it('bands the age at randomization from the birth year', () => {
    expect(ageBand(2000, '2024-03-01')).toBe('18-24');
    expect(ageBand(1999, '2024-03-01')).toBe('25-29');
    expect(ageBand(1960, '2024-03-01')).toBe('50-64');
    expect(ageBand(1950, '2024-03-01')).toBe('65+');
    expect(ageBand(null, '2024-03-01')).toBeNull();
  });
  it('coarsens bands by level', () => {
    expect(coarsenAgeBand('25-29', 1)).toBe('<30');
    expect(coarsenAgeBand('40-49', 1)).toBe('30-49');
    expect(coarsenAgeBand('40-49', 2)).toBeNull();
  });
});
