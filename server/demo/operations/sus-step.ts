/**
 * Demo SUS registrations (the coordination associations' follow-up system),
 * so the SUS worklist, sheets and follow-up report have something to show:
 * a start registration for the IPS participants (a few anonymous, one with
 * a field left empty), an end registration for those who ended, most of
 * them marked as entered into SUS two weeks later. The three latest
 * starters and two leavers are left without a registration (due); one
 * participant, who waited for a place, starts on the first of this month,
 * and two of the ongoing cohort end in the current month (one registered,
 * one due), so this month's starters and leavers can be printed at once.
 * Through the same services as the API (audit trail included).
 */
import { findParticipant } from '../../db/queries/participants';
import { listSusParticipants } from '../../db/queries/sus-registrations';
import { addDays } from '../../schedule/calendar';
import { addStatus } from '../../services/participant-progress';
import { markSusEntered, recordSusRegistration } from '../../services/sus-registrations';
import type { DemoStep } from '../index';
import { demoRandom } from './participants-step';

const SUPPORT = ['sickness_benefit', 'activity_compensation', 'sickness_compensation', 'social_assistance', 'unemployment_benefit', 'activity_support'];
const EDUCATION = ['compulsory_short', 'compulsory', 'upper_secondary', 'upper_secondary', 'post_secondary_short', 'post_secondary_long'];
const SUPPORT_TIME = ['under_1_year', 'years_1_2', 'years_3_5', 'years_3_5', 'over_5_years'];
const REASONS = ['completed', 'other_intervention', 'illness', 'own_decision', 'moved', 'no_contact'];

export const demoSusStep: DemoStep = {
  name: 'SUS registrations',
  run: ({ db, actor }) => {
    const today = new Date().toISOString().slice(0, 10);
    const pick = demoRandom(20261206);
    const ips = listSusParticipants(db).filter((r) => r.in_ips === 1 && r.randomized_on !== null);
    // two of the ongoing cohort end this month (the month's first day, or a few days ago late in the month)
    const endThisMonth = ips.filter((r) => r.stage !== 'ended' && r.randomized_on! < addDays(today, -400)).slice(0, 2);
    const endDay = today.slice(8, 10) <= '05' ? today.slice(0, 8) + '01' : addDays(today, -3);
    for (const r of endThisMonth) addStatus(db, actor, findParticipant(db, r.id)!, { status_date: endDay, process_stage: 'ended', ended_reason: 'own_request' });
    const byStart = [...ips].sort((a, b) => b.randomized_on!.localeCompare(a.randomized_on!));
    const latest = new Set(byStart.slice(0, 3).map((r) => r.id));
    // the next one waited for a place: the intervention started on the first of this month
    const firstOfMonth = `${today.slice(0, 8)}01`;
    const startsThisMonth = byStart.slice(3).find((r) => r.randomized_on! <= firstOfMonth && r.stage !== 'ended' && !endThisMonth.includes(r))?.id;
    const ended = ips.filter((r) => r.stage === 'ended' || endThisMonth.includes(r));
    const endDue = new Set([ended.find((r) => !endThisMonth.includes(r))?.id, endThisMonth[1]?.id]);
    for (const [i, r] of ips.entries()) {
      if (latest.has(r.id)) continue;
      const participant = findParticipant(db, r.id)!;
      const consent = i % 7 !== 3;
      const startDate = r.id === startsThisMonth ? firstOfMonth : r.randomized_on!;
      const start: Record<string, unknown> = { sus_start_date: startDate, sus_consent: consent };
      if (consent) {
        const working = pick(8) === 0;
        Object.assign(start, {
          sus_support_before: pick(5) === 0 ? [SUPPORT[pick(6)], 'social_assistance'].filter((v, j, a) => a.indexOf(v) === j) : [SUPPORT[pick(6)]],
          sus_work_before_pct: working ? 25 : 0,
          sus_study_before_pct: pick(10) === 0 ? 50 : 0,
          sus_education_level: EDUCATION[pick(6)],
          ...(i === 5 ? {} : { sus_support_time: SUPPORT_TIME[pick(5)] }),
        });
      }
      recordSusRegistration(db, actor, participant, 'start', start, undefined);
      const endedOn = endThisMonth.includes(r) ? endDay : r.ended_on;
      if (endedOn === null || endDue.has(r.id)) {
        if (addDays(startDate, 14) <= today) markSusEntered(db, actor, participant, 'start', addDays(startDate, 14), undefined);
        continue;
      }
      const end: Record<string, unknown> = { sus_end_date: endedOn };
      if (consent) {
        const work = pick(100) < 45 ? [50, 75, 100][pick(3)] : 0;
        const study = work === 0 && pick(6) === 0 ? 50 : 0;
        Object.assign(end, {
          sus_end_reason: work > 0 || study > 0 ? 'work_or_studies' : REASONS[pick(6)],
          sus_work_after_pct: work,
          ...(work > 0 ? { sus_work_subsidised: pick(4) === 0 } : {}),
          sus_study_after_pct: study,
          sus_support_after: work >= 100 ? ['no_support'] : [SUPPORT[pick(6)]],
        });
      }
      recordSusRegistration(db, actor, participant, 'end', end, undefined);
      const enteredStart = addDays(startDate, 14);
      if (enteredStart <= today) markSusEntered(db, actor, participant, 'start', enteredStart, undefined);
      if (addDays(endedOn, 14) <= today) markSusEntered(db, actor, participant, 'end', addDays(endedOn, 14), undefined);
    }
  },
};
