/**
 * The targets the funders set (the seeds' own words, translated) and how each
 * is measured on the participants of the report:
 * - seed 000 (trial application, §5 "Mål"): "within two years half of all
 *   shall reach self-support through employment; 10–20 % shall begin
 *   education" → among participants followed ≥ 730 days, the share with a
 *   first competitive job (resp. education) by day 729;
 * - seed 002 (target 1): "40 % of users in active support shall get and keep
 *   studies and/or work on the regular labour market" → among participants
 *   not ended or withdrawn, the share in a competitive job or education on the
 *   last day of the period;
 * - seed 004 (Projekt Inklusion, Denmark): 59.9 % in IPS vs 46.5 % in usual
 *   job-centre services reached ordinary work or education within 18 months
 *   → among participants followed ≥ 548 days, the share with either by day 547.
 */
import type { FunderParticipant, TargetResult } from './types';

interface TargetDefinition {
  id: string;
  label: string;
  source: string;
  target: number | [number, number];
  comparison?: { label: string; value: number };
  eligible: (p: FunderParticipant) => boolean;
  reached: (p: FunderParticipant) => boolean;
}

const within = (day: number | null, last: number) => day !== null && day <= last;
const active = (p: FunderParticipant) => p.stage !== 'ended' && !p.withdrawn;

export const TARGETS: readonly TargetDefinition[] = [
  {
    id: 'employed_2y', label: 'In competitive employment within two years', source: 'seed 000 §5 (trial application): half within two years', target: 0.5,
    eligible: (p) => p.followUpDays >= 730, reached: (p) => within(p.firstJobDay, 729),
  },
  {
    id: 'studies_2y', label: 'Began education within two years', source: 'seed 000 §5 (trial application): 10–20 %', target: [0.1, 0.2],
    eligible: (p) => p.followUpDays >= 730, reached: (p) => within(p.firstEducationDay, 729),
  },
  {
    id: 'work_or_studies_now', label: 'In work and/or studies now (participants in active support)', source: 'seed 002, target 1: 40 %', target: 0.4,
    eligible: active, reached: (p) => p.inWorkAtEnd || p.inStudiesAtEnd,
  },
  {
    id: 'work_or_education_18m', label: 'Ordinary work or education within 18 months', source: 'seed 004, Projekt Inklusion: 59.9 % with IPS', target: 0.599,
    comparison: { label: 'usual job-centre services (Projekt Inklusion)', value: 0.465 },
    eligible: (p) => p.followUpDays >= 548, reached: (p) => within(p.firstJobDay, 547) || within(p.firstEducationDay, 547),
  },
];

/**
 * Observed proportions against every target.
 * @param minCell denominators below this give proportion null (too few to show)
 */
export function computeTargets(participants: readonly FunderParticipant[], minCell = 5): TargetResult[] {
  return TARGETS.map(({ eligible, reached, ...definition }) => {
    const base = participants.filter(eligible);
    const numerator = base.filter(reached).length;
    return { ...definition, numerator, denominator: base.length, proportion: base.length >= minCell ? numerator / base.length : null };
  });
}
