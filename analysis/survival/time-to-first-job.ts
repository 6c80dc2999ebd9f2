import type { Arm, EmploymentRow, ParticipantRow } from '../dataset/types';
import { HORIZON_END } from '../outcomes/employment-days';

/** One participant's time to first competitive job (days since randomization). */
export interface SurvivalTime {
  pid: string;
  arm: Arm;
  /** the day the first competitive job started (event) or the day follow-up ended (censored) */
  time: number;
  /** true = a competitive job started on `time`; false = censored on `time` */
  event: boolean;
}

export interface TimesToFirstJob {
  /** the participants analysed, in the order of participants.csv */
  times: SurvivalTime[];
  /** participants left out because a competitive job was under way at randomization, by arm */
  employedAtRandomization: Record<Arm, number>;
}

/**
 * Time to first competitive job per randomized participant
 * (docs/analysis.md, "Time to first competitive job"). The event is the
 * earliest `start_day` of a `competitive` episode on days 0 … min(729,
 * `withdrawn_day`) (a job starting on the withdrawal day counts, as the
 * withdrawal day counts in employment days); without one the participant is
 * censored on min(729, `withdrawn_day`). A participant with a competitive
 * episode that started before day 0 and had not ended before day 0
 * (`end_day` empty or ≥ 0) was in a job at randomization and is left out:
 * they were not at risk of a first job, and baseline employment is fixed
 * before randomization, so leaving them out keeps the comparison randomized.
 * An episode that started and ended before day 0 is ignored. Pass the
 * dataset after `regularEmployment` so that `employment.countWageSubsidised`
 * decides whether subsidised jobs count. O(participants + episodes).
 *
 * @param participants participants.csv rows
 * @param employment employment.csv rows (types other than competitive are ignored)
 * @returns the analysed times and the number left out per arm
 * @example timesToFirstJob([{ pid: 'p', arm: 'ips', withdrawn_day: null, … }], [{ pid: 'p', type: 'competitive', start_day: 40, … }]).times
 *   // [{ pid: 'p', arm: 'ips', time: 40, event: true }]
 */
export function timesToFirstJob(participants: readonly ParticipantRow[], employment: readonly EmploymentRow[]): TimesToFirstJob {
  const lastDay = new Map(participants.map((p) => [p.pid, p.withdrawn_day === null ? HORIZON_END : Math.min(HORIZON_END, p.withdrawn_day)]));
  const firstStart = new Map<string, number>();
  const employedAtStart = new Set<string>();
  for (const episode of employment) {
    if (episode.type !== 'competitive') continue;
    if (episode.start_day < 0) {
      if (episode.end_day === null || episode.end_day >= 0) employedAtStart.add(episode.pid);
      continue;
    }
    const last = lastDay.get(episode.pid);
    if (last === undefined || episode.start_day > last) continue;
    const known = firstStart.get(episode.pid);
    if (known === undefined || episode.start_day < known) firstStart.set(episode.pid, episode.start_day);
  }
  const employedAtRandomization: Record<Arm, number> = { ips: 0, control: 0 };
  const times: SurvivalTime[] = [];
  for (const p of participants) {
    if (employedAtStart.has(p.pid)) {
      employedAtRandomization[p.arm]++;
      continue;
    }
    const start = firstStart.get(p.pid);
    times.push(start === undefined
      ? { pid: p.pid, arm: p.arm, time: lastDay.get(p.pid) as number, event: false }
      : { pid: p.pid, arm: p.arm, time: start, event: true });
  }
  return { times, employedAtRandomization };
}
