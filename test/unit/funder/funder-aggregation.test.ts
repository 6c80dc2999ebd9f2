import { describe, expect, it } from 'vitest';
import { suppressSmallCells } from '../../../analysis/funder/small-cells';
import { summarizeDays } from '../../../analysis/funder/days-summary';
import { computeTargets } from '../../../analysis/funder/targets';
import { caseloads, computeFunderReport, municipalities, statusCategory } from '../../../analysis/funder/compute-funder-report';
import type { FunderParticipant } from '../../../analysis/funder/types';

const person = (over: Partial<FunderParticipant> = {}): FunderParticipant => ({
  site: 'A', newInPeriod: false, followUpDays: 800, sex: 'female', municipality: 'se_1884', stage: 'job_search', endedReason: null, withdrawn: false,
  coachId: 1, firstEmployerContactDay: null, firstJobDay: null, firstEducationDay: null, inWorkAtEnd: false, inStudiesAtEnd: false, ...over,
});

describe('analysis/funder/small-cells', () => {
  it('withholds counts from 1 to 4 and one more when only one would be withheld', () => {
    const out = suppressSmallCells([
      { category: 'a', label: 'A', count: 3 }, { category: 'b', label: 'B', count: 9 }, { category: 'c', label: 'C', count: 12 }, { category: 'd', label: 'D', count: 0 },
    ]);
    expect(out.map((c) => c.count)).toEqual([null, null, 12, 0]);
  });
  it('keeps a table with two small cells as is otherwise', () => {
    const out = suppressSmallCells([{ category: 'a', label: 'A', count: 1 }, { category: 'b', label: 'B', count: 2 }, { category: 'c', label: 'C', count: 30 }]);
    expect(out.map((c) => c.count)).toEqual([null, null, 30]);
  });
});

describe('analysis/funder/days-summary', () => {
  it('gives median and quartiles as R quantile(type = 7)', () => {
    // R 4.x (checked with Rscript): quantile(c(3, 10, 14, 30, 31, 90), c(.25, .5, .75)) → 11.0 22.0 30.75
    expect(summarizeDays([3, 10, 14, 30, 31, 90, null, null])).toEqual({ n: 6, without: 2, median: 22, q1: 11, q3: 30.75 });
    expect(summarizeDays([null])).toEqual({ n: 0, without: 1, median: null, q1: null, q3: null });
  });
});

describe('analysis/funder/targets', () => {
  it('measures each target on its own denominator', () => {
    const people = [
      ...Array.from({ length: 6 }, () => person({ firstJobDay: 100, inWorkAtEnd: true })),
      ...Array.from({ length: 4 }, () => person({ firstEducationDay: 700 })),
      ...Array.from({ length: 5 }, () => person({ followUpDays: 600, firstJobDay: 500 })),
      person({ stage: 'ended', endedReason: 'own_request' }),
    ];
    const byId = Object.fromEntries(computeTargets(people).map((t) => [t.id, t]));
    expect(byId.employed_2y).toMatchObject({ numerator: 6, denominator: 11 });
    expect(byId.studies_2y).toMatchObject({ numerator: 4, denominator: 11 });
    expect(byId.work_or_studies_now).toMatchObject({ numerator: 6, denominator: 15 });
    expect(byId.work_or_education_18m).toMatchObject({ numerator: 11, denominator: 16 });
    expect(byId.work_or_education_18m.proportion).toBeCloseTo(11 / 16, 12);
  });
  it('does not show a proportion over fewer than five participants', () => {
    expect(computeTargets([person(), person()]).every((t) => t.proportion === null)).toBe(true);
  });
});

describe('analysis/funder/compute-funder-report', () => {
  it('puts ended-with-reason, withdrawn and earlier steps in their categories', () => {
    expect(statusCategory(person({ stage: 'ended', endedReason: 'absence' }))).toBe('ended:absence');
    expect(statusCategory(person({ stage: 'profile' }))).toBe('preparation');
    expect(statusCategory(person({ withdrawn: true }))).toBe('withdrawn');
    expect(statusCategory(person({ stage: null }))).toBe('none');
    expect(statusCategory(person({ stage: 'employed', inSubsidisedWorkAtEnd: true }))).toBe('employed:wage_subsidy');
    expect(statusCategory(person({ stage: 'employed', inSubsidisedWorkAtEnd: false }))).toBe('employed:without_subsidy');
    expect(statusCategory(person({ stage: 'employed' }))).toBe('employed:without_subsidy');
  });
  it('counts active participants per coach', () => {
    const people = [...Array.from({ length: 21 }, () => person({ coachId: 1 })), person({ coachId: 2 }), person({ coachId: 2, stage: 'ended', endedReason: 'other' })];
    expect(caseloads(people)).toEqual({ coaches: 2, mean: 11, max: 21, over20: 1 });
  });
  it('reports the total and each site, and the sites add up to the total', () => {
    const people = [...Array.from({ length: 12 }, () => person({ site: 'A' })), ...Array.from({ length: 7 }, () => person({ site: 'B', sex: 'male' }))];
    const report = computeFunderReport(people, [{ site: 'B', reviewDate: '2025-03-01', total: 101, band: 'good' }]);
    expect(report.groups.map((g) => [g.group, g.participants])).toEqual([['total', 19], ['A', 12], ['B', 7]]);
    expect(report.groups[2].fidelity).toHaveLength(1);
    expect(report.groups[0].bySex.find((c) => c.category === 'male')?.count).toBe(7);
  });
});

describe('analysis/funder/municipalities', () => {
  const many = (n: number, municipality: string | null) => Array.from({ length: n }, () => person({ municipality }));
  const shown = (cells: { label: string; count: number | null }[]) => cells.map((c) => [c.label, c.count]);

  it('names a municipality only with at least 5; smaller ones are pooled, never printed', () => {
    // Örebro 12, Kumla 6, Nora 3, Hällefors 1: Nora and Hällefors pool to 4 (< 5, withheld), so the secondary
    // suppression would withhold Kumla — Kumla is pooled instead, and the pool (10) is shown
    const cells = municipalities([...many(12, 'se_1880'), ...many(6, 'se_1881'), ...many(3, 'se_1884'), ...many(1, 'se_1863')], 5);
    expect(shown(cells)).toEqual([['Örebro', 12], ['Other municipalities (fewer than 5 participants each)', 10]]);
  });

  it('withholds the pool when it is the only other cell below 5, without a name', () => {
    const cells = municipalities([...many(3, 'se_1884'), ...many(1, 'se_1863')], 5);
    expect(shown(cells)).toEqual([['Other municipalities (fewer than 5 participants each)', null]]);
  });

  it('counts free text stored before the coded list as not coded and never prints it', () => {
    const cells = municipalities([...many(7, 'se_1880'), ...many(6, 'Lindesberg'), ...many(5, null), ...many(5, 'dk_101')], 5);
    expect(shown(cells)).toEqual([
      ['København', 5], ['Örebro', 7], ['Not coded (free text entered before the coded list)', 6], ['Not recorded', 5],
    ]);
    expect(JSON.stringify(cells)).not.toContain('Lindesberg');
  });

  it('keeps every count of the table equal to the participants when nothing is withheld', () => {
    const people = [...many(9, 'se_1880'), ...many(2, 'se_1881'), ...many(2, 'se_1884'), ...many(1, 'se_1885'), ...many(5, 'se_0180')];
    const cells = municipalities(people, 5);
    expect(cells.every((c) => c.count !== null)).toBe(true);
    expect(cells.reduce((n, c) => n + c.count!, 0)).toBe(people.length);
    expect(cells.filter((c) => c.count! < 5 && c.count! > 0)).toEqual([]);
  });
});
