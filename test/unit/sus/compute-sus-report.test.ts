import { describe, expect, it } from 'vitest';
import { computeSusReport, occupationOf, timeBand } from '../../../analysis/sus/compute-sus-report';
import type { SusReportParticipant } from '../../../analysis/sus/types';

const categories = {
  support: [['sickness_benefit', 'Sickness benefit'], ['social_assistance', 'Social assistance'], ['no_support', 'No public support']] as const,
  endReasons: [['completed', 'Completed'], ['illness', 'Illness']] as const,
  ageGroups: [['20-24', '20–24'], ['25-29', '25–29']] as const,
};

function person(over: Partial<SusReportParticipant>): SusReportParticipant {
  return {
    site: 'A', sex: 'female', ageGroup: '20-24', consent: true, activeInPeriod: true, startedInPeriod: false, endedInPeriod: false, daysInIntervention: null,
    workBeforePct: 0, studyBeforePct: 0, supportBefore: ['sickness_benefit'], workAfterPct: null, studyAfterPct: null, supportAfter: null, endReason: null, ...over,
  };
}

describe('analysis/sus/compute-sus-report', () => {
  it('puts a person in work and studies in each, and in work_or_studies once', () => {
    expect(occupationOf(50, 25)).toEqual(['work', 'studies', 'work_or_studies']);
    expect(occupationOf(0, 0)).toEqual(['neither']);
    expect(occupationOf(null, 0)).toEqual(['not_recorded']);
  });

  it('bands the days in the intervention at 91, 183, 365 and 730 days', () => {
    expect([0, 90, 91, 182, 183, 364, 365, 729, 730].map(timeBand)).toEqual(['under_3m', 'under_3m', '3_6m', '3_6m', '6_12m', '6_12m', '12_24m', '12_24m', '24m_plus']);
  });

  it('counts anonymous participants by sex and age group only, and leavers with consent before against after', () => {
    const people = [
      ...Array.from({ length: 12 }, (_, i) => person({ sex: i < 6 ? 'female' : 'male', endedInPeriod: true, daysInIntervention: 100 + i, workAfterPct: i < 7 ? 50 : 0, studyAfterPct: 0, supportAfter: i < 7 ? ['no_support'] : ['sickness_benefit'], endReason: 'completed' })),
      ...Array.from({ length: 6 }, () => person({ consent: false, sex: 'male', ageGroup: '25-29', endedInPeriod: true, daysInIntervention: 10, supportBefore: null, workBeforePct: null, studyBeforePct: null })),
      person({ activeInPeriod: false }),
    ];
    const total = computeSusReport(people, categories, 5).groups[0]!;
    expect(total.participants).toBe(18);
    expect(total.registration.map((c) => c.count)).toEqual([12, 6]);
    expect(total.anonymousBySex.find((c) => c.category === 'male')!.count).toBe(6);
    expect(total.anonymousByAgeGroup.find((c) => c.category === '25-29')!.count).toBe(6);
    expect(total.leavers).toBe(12);
    expect(total.occupation.before.find((c) => c.category === 'neither')!.count).toBe(12);
    expect(total.occupation.after.find((c) => c.category === 'work')!.count).toBe(7);
    expect(total.occupation.after.find((c) => c.category === 'neither')!.count).toBe(5);
    expect(total.support.after.map((c) => [c.category, c.count])).toEqual([['sickness_benefit', 5], ['social_assistance', 0], ['no_support', 7], ['not_recorded', 0]]);
    expect(total.timeInIntervention).toMatchObject({ n: 12, median: 105.5 });
  });

  it('withholds counts from 1 to 4 and the next smallest when only one would be withheld', () => {
    const people = [
      ...Array.from({ length: 3 }, () => person({ sex: 'other' })),
      ...Array.from({ length: 9 }, () => person({ sex: 'male' })),
      ...Array.from({ length: 12 }, () => person({ sex: 'female' })),
    ];
    const bySex = computeSusReport(people, categories, 5).groups[0]!.bySex;
    expect(Object.fromEntries(bySex.map((c) => [c.category, c.count]))).toEqual({ female: 12, male: null, other: null, missing: 0 });
  });
});
