/**
 * Employment episodes of the demo trial: competitive jobs (some overlapping,
 * some ongoing at data extraction, some cut by withdrawal), work trials,
 * education, sheltered work and other activities. The chance of a first
 * competitive job by 18 months is the arm's true value in `TRUE_EFFECTS`
 * (intention to treat: IPS participants who never engage have the usual-care
 * chance, engaged ones a little more, so that the arm as a whole hits it).
 */
import type { EmploymentRow, EpisodeType } from '../dataset/types';
import { HORIZON_LAST_DAY, type DemoPerson } from './demo-people';
import type { DemoPrng } from './prng';
import { TRUE_EFFECTS } from './true-effects';

/** Day the demo data were extracted: an episode still running then has no end day. */
export const EXTRACTION_DAY = 760;
const DAY_18_MONTHS = 547;

const HOURS = { '10': 0.1, '20': 0.3, '30': 0.2, '40': 0.3, missing: 0.1 } as const;

function hoursPerWeek(prng: DemoPrng): number | null {
  const hours = prng.choose(HOURS);
  return hours === 'missing' ? null : Number(hours);
}

function firstJobProbability(person: DemoPerson): number {
  const { ips, control } = TRUE_EFFECTS.competitiveBy18Months;
  if (person.row.arm === 'control' || !person.engaged) return control;
  return (ips - TRUE_EFFECTS.ipsNonEngaged * control) / (1 - TRUE_EFFECTS.ipsNonEngaged);
}

function firstJobStart(person: DemoPerson, prng: DemoPrng): number | null {
  if (prng.bernoulli(firstJobProbability(person))) {
    const skew = person.row.arm === 'ips' ? 1.3 : 0.9;
    return 20 + Math.floor((DAY_18_MONTHS - 20) * prng.uniform() ** skew);
  }
  return prng.bernoulli(TRUE_EFFECTS.firstJobAfter18Months[person.row.arm])
    ? prng.integer(DAY_18_MONTHS + 1, HORIZON_LAST_DAY)
    : null;
}

/** End day as recorded: empty when still running at extraction, or (half the time) when consent was withdrawn during it. */
function recordedEnd(person: DemoPerson, end: number, prng: DemoPrng): number | null {
  if (end >= EXTRACTION_DAY) return null;
  if (person.row.withdrawn_day !== null && end > person.row.withdrawn_day && prng.bernoulli(0.5)) return null;
  return end;
}

function episode(person: DemoPerson, type: EpisodeType, start: number, end: number | null, hours: number | null): EmploymentRow {
  return { pid: person.row.pid, type, start_day: start, end_day: end, hours_per_week: hours };
}

function competitiveJobs(person: DemoPerson, prng: DemoPrng): EmploymentRow[] {
  const rows: EmploymentRow[] = [];
  const lastStart = Math.min(person.lastDay, HORIZON_LAST_DAY);
  let start = firstJobStart(person, prng);
  while (start !== null && start <= lastStart) {
    const length = Math.max(7, Math.round(-TRUE_EFFECTS.meanJobDays * Math.log(1 - prng.uniform())));
    const end = start + length - 1;
    rows.push(episode(person, 'competitive', start, recordedEnd(person, end, prng), hoursPerWeek(prng)));
    if (prng.bernoulli(TRUE_EFFECTS.overlappingJob)) {
      const extraStart = start + prng.integer(0, Math.floor(length / 2));
      const extraEnd = extraStart + prng.integer(30, 120);
      if (extraStart <= lastStart) rows.push(episode(person, 'competitive', extraStart, recordedEnd(person, extraEnd, prng), 10));
    }
    start = prng.bernoulli(TRUE_EFFECTS.nextJob[person.row.arm]) ? end + prng.integer(14, 120) : null;
  }
  return rows;
}

const OTHER_ACTIVITIES: { type: EpisodeType; p: { ips: number; control: number }; length: [number, number] }[] = [
  { type: 'work_trial', p: { ips: 0.08, control: 0.2 }, length: [30, 120] },
  { type: 'education', p: { ips: 0.1, control: 0.08 }, length: [90, 300] },
  { type: 'sheltered', p: { ips: 0.02, control: 0.05 }, length: [60, 400] },
  { type: 'other', p: { ips: 0.05, control: 0.05 }, length: [14, 90] },
];

function otherActivities(person: DemoPerson, prng: DemoPrng): EmploymentRow[] {
  const rows: EmploymentRow[] = [];
  for (const activity of OTHER_ACTIVITIES) {
    if (!prng.bernoulli(activity.p[person.row.arm])) continue;
    const start = prng.integer(30, 700);
    if (start > person.lastDay) continue;
    const end = start + prng.integer(activity.length[0], activity.length[1]);
    rows.push(episode(person, activity.type, start, recordedEnd(person, end, prng), activity.type === 'education' ? null : hoursPerWeek(prng)));
  }
  return rows;
}

/** Draws every employment episode of the demo trial. */
export function drawDemoEmployment(people: DemoPerson[], prng: DemoPrng): EmploymentRow[] {
  return people.flatMap((person) => [...competitiveJobs(person, prng), ...otherActivities(person, prng)]);
}
