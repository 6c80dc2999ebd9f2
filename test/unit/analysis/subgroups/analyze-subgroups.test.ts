import { describe, expect, it } from 'vitest';
import { analyzeSubgroups } from '../../../../analysis/subgroups/analyze-subgroups';
import { subgroupLevels } from '../../../../analysis/subgroups/subgroup-levels';

/** A small trial: 4 + 4 per sex, u0 spread, IPS adds 0.1 QALY for women and costs 10,000 more. */
function trial() {
  const people: { site: string; sex: string | null; age_band: string | null }[] = [];
  const ips: number[] = [];
  const u0: number[] = [];
  const qaly: number[] = [];
  const cost: number[] = [];
  for (const sex of ['female', 'male']) {
    for (let i = 0; i < 8; i++) {
      const arm = i % 2;
      const base = 0.5 + 0.05 * i + (sex === 'male' ? 0.01 : 0);
      people.push({ site: i < 4 ? 'A' : 'B', sex, age_band: i < 3 ? '18-24' : i < 6 ? '30-39' : null });
      ips.push(arm);
      u0.push(base);
      qaly.push(1.6 * base + (sex === 'female' ? 0.1 : 0) * arm + 0.01 * ((i * 7) % 3));
      cost.push(20000 + 10000 * arm + 500 * ((i * 5) % 4));
    }
  }
  return { people, data: { ips: Uint8Array.from(ips), u0, qaly, cost } };
}

describe('analysis/subgroups/analyze-subgroups', () => {
  it('gives INMB = λ·ΔE − ΔC in every level and an F test between the levels', () => {
    const { people, data } = trial();
    const { subgroups, warnings } = analyzeSubgroups(people, [data], ['sex'], 100000);
    expect(warnings).toEqual([]);
    const [sex] = subgroups;
    expect(sex.levels.map((l) => l.level)).toEqual(['female', 'male']);
    for (const level of sex.levels) {
      expect(level.n).toEqual({ ips: 4, control: 4 });
      expect(level.inmb!.estimate).toBeCloseTo(100000 * level.effect!.estimate - level.cost!.estimate, 6);
      expect(level.inmb!.df).toBe(5);
      expect(level.inmb!.ci95[0]).toBeLessThan(level.inmb!.estimate);
    }
    expect(sex.levels[0].effect!.estimate - sex.levels[1].effect!.estimate).toBeGreaterThan(0.05);
    expect(sex.interaction).toMatchObject({ test: 'F', df1: 1, df2: 16 - 5 }); // intercept, arm, u0, male, arm × male
    expect(sex.interaction!.p).toBeGreaterThan(0);
    expect(sex.interaction!.p).toBeLessThan(1);
  });

  it('leaves out, and counts, participants in no group; an empty age band is "(missing)"', () => {
    const { people, data } = trial();
    const grouped = { variable: 'age_band' as const, groups: { 'under 30': ['18-24', '25-29'], '30+': ['30-39'] } };
    expect(subgroupLevels(people, grouped).label).toBe('age_band: under 30 / 30+');
    expect(subgroupLevels(people, 'age_band').levels).toEqual(['(missing)', '18-24', '30-39']);
    const { subgroups, warnings } = analyzeSubgroups(people, [data], [grouped], 100000);
    expect(subgroups[0].leftOut).toBe(4);
    expect(warnings).toContain('subgroup age_band: under 30 / 30+: 4 participants are in no group of the settings and left out of it');
    expect(subgroups[0].levels.map((l) => l.n.ips + l.n.control)).toEqual([6, 6]);
  });

  it('gives null for a level with fewer than two per arm, and no interaction test with one estimable level', () => {
    const { people, data } = trial();
    const lonely = people.map((p, i) => ({ ...p, site: i === 0 ? 'C' : 'A' }));
    const { subgroups, warnings } = analyzeSubgroups(lonely, [data], ['site'], 100000);
    const c = subgroups[0].levels.find((l) => l.level === 'C')!;
    expect(c).toMatchObject({ n: { ips: 0, control: 1 }, cost: null, effect: null, inmb: null });
    expect(warnings.some((w) => w.includes('subgroup site, "C": no estimate'))).toBe(true);
    expect(subgroups[0].interaction).toBeNull();
  });
});
