/**
 * Staff time logged around each demo participant: IPS specialists in the IPS
 * arm (while the participant takes part in IPS, up to about 18–24 months) and
 * municipal coaches in usual care, by activity, in minutes.
 */
import type { TimelogRow } from '../dataset/types';
import { HORIZON_LAST_DAY, type DemoPerson } from './demo-people';
import type { DemoPrng } from './prng';
import { TRUE_EFFECTS } from './true-effects';

const ACTIVITIES = {
  participant_meeting: 0.4,
  employer_contact: 0.2,
  team_meeting: 0.15,
  benefits_counselling: 0.1,
  travel: 0.15,
} as const;
const MINUTES = { '15': 0.2, '30': 0.3, '45': 0.2, '60': 0.2, '90': 0.07, '120': 0.03 } as const;
const DAYS_PER_MONTH = 30.4;

function contacts(person: DemoPerson, role: string, count: number, fromDay: number, toDay: number, prng: DemoPrng): TimelogRow[] {
  const rows: TimelogRow[] = [];
  for (let i = 0; i < count; i += 1) {
    rows.push({
      pid: person.row.pid,
      day: prng.integer(fromDay, toDay),
      role,
      activity: prng.choose(ACTIVITIES),
      minutes: Number(prng.choose(MINUTES)),
    });
  }
  return rows.sort((a, b) => a.day - b.day);
}

/** Draws the time logs of every demo participant. */
export function drawDemoTimelogs(people: DemoPerson[], prng: DemoPrng): TimelogRow[] {
  return people.flatMap((person) => {
    if (person.row.arm === 'ips') {
      if (!person.engaged) return contacts(person, 'ips_specialist', prng.integer(1, 3), 0, Math.min(60, person.lastDay), prng);
      const lastDay = Math.min(person.lastDay, prng.integer(547, HORIZON_LAST_DAY));
      const months = (lastDay + 1) / DAYS_PER_MONTH;
      return contacts(person, 'ips_specialist', prng.poisson(TRUE_EFFECTS.ipsContactsPerMonth * months), 0, lastDay, prng);
    }
    const lastDay = Math.min(person.lastDay, HORIZON_LAST_DAY);
    const months = (lastDay + 1) / DAYS_PER_MONTH;
    return contacts(person, 'municipal_coach', prng.poisson(TRUE_EFFECTS.coachContactsPerMonth * months), 0, lastDay, prng);
  });
}
