/**
 * The demo's finished cohort: 80 more synthetic people (Demo Deltagare
 * 041–120) randomized 26–39 months before the day of seeding, so their whole
 * two-year follow-up lies in the past. Each has the baseline and the 6, 12,
 * 18 and 24-month questionnaires (EQ-5D-5L, GSE, service use) with realistic
 * gaps (about one missed questionnaire set in sixteen, a service-use form left out now and then, two withdrawals), time
 * logs across the two years (IPS specialist for the IPS arm, municipal coach
 * for usual care), employment episodes (about half of the IPS arm and a
 * quarter of usual care in competitive work) and IPS process statuses. With
 * the 40 participants of the operations step (follow-up still under way),
 * the demo has complete cases in both arms for both ICER analyses and still
 * shows due and overdue work. Everything goes through the API's services:
 * scores computed, audit entries written, allocations drawn from the sealed
 * seed. Complete questionnaires are saved in one revision each (one audit
 * entry), so seeding stays quick.
 */
import { randomUUID } from 'node:crypto';
import { findParticipant } from '../../db/queries/participants';
import { findUserByEmail } from '../../db/queries/users';
import { addCalendarMonths, addDays } from '../../schedule/calendar';
import { allocate, randomizationSeed } from '../../services/allocations';
import { addTimeLogs } from '../../services/coach-work';
import { identifierKeys } from '../../services/participant-identifiers';
import { addEpisode, addStatus } from '../../services/participant-progress';
import * as participants from '../../services/participants';
import { saveResponse } from '../../services/responses';
import type { DemoContext, DemoStep } from '../index';
import { demoLabel, demoPersonnummer, demoPhone, demoRandom, DEMO_PARTICIPANT_SITES } from './participants-step';
import { demoBaselineAnswers, serviceUseFromCounts, syntheticAnswers, type Pick } from './synthetic-answers';

export const WHOLE_TRIAL_FIRST = 41;
export const WHOLE_TRIAL_LAST = 120;
/** people of this cohort who withdraw (between the 6 and 12-month questionnaires) */
const WITHDRAWALS = new Set([55, 92]);
const FOLLOW_UPS = [6, 12, 18, 24] as const;

type Arm = 'ips' | 'control';
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** EQ-5D-5L answers: a personal baseline level, better over time and more so in IPS. */
function eq5dAnswers(severity: number, arm: Arm, timepoint: number, pick: Pick): Record<string, unknown> {
  const gain = timepoint === 0 ? 0 : (arm === 'ips' ? 0.9 : 0.4) * Math.min(1, timepoint / 12);
  const level = () => clamp(Math.round(severity - gain + (pick(3) - 1) * 0.7), 1, 5);
  return { eq5d_mo: level(), eq5d_sc: clamp(level() - 1, 1, 5), eq5d_ua: level(), eq5d_pd: level(), eq5d_ad: clamp(level() + 1, 1, 5), eq_vas: clamp(Math.round(85 - 12 * severity + 15 * gain + pick(15)), 0, 100) };
}

function gseAnswers(arm: Arm, timepoint: number, pick: Pick): Record<string, unknown> {
  const lift = arm === 'ips' && timepoint >= 12 ? 1 : 0;
  return Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`gse_${String(i + 1).padStart(2, '0')}`, clamp(2 + pick(2) + lift, 1, 4)]));
}

/** Six months of service use; admissions a little rarer after randomization to IPS. */
function serviceUseAnswers(severity: number, arm: Arm, timepoint: number, pick: Pick): Record<string, unknown> {
  const admitted = pick(arm === 'ips' && timepoint > 0 ? 14 : 12) === 0;
  return serviceUseFromCounts({
    psychiatrist_visit: pick(3) + (severity > 2 ? 1 : 0), nurse_visit: pick(5), psychologist_visit: pick(4), social_worker_visit: pick(3),
    gp_visit: pick(3), emergency_visit: pick(6) === 0 ? 1 : 0, inpatient_day: admitted ? 2 + pick(6) : 0, social_services_contact: pick(3),
    phone_video_physician: pick(2), phone_video_counsellor: pick(3), phone_video_other: pick(2),
  });
}

/** One complete questionnaire answered on `answeredOn`: on paper (keyed in by staff) or on the tablet. */
function saveComplete(context: DemoContext, row: ReturnType<typeof findParticipant> & object, timepoint: number, form: string, answers: Record<string, unknown>, answeredOn: string, paper: boolean): void {
  saveResponse(context.db, context.actor, paper ? 'staff' : 'tablet', row, randomUUID(), { timepoint, form, answers, revision: 1, complete: true, answered_on: answeredOn });
}

function runParticipant(context: DemoContext, n: number, today: string): void {
  const { db, config, actor } = context;
  // one number source per person, so nobody's answers depend on another's arm
  const pick = demoRandom(20240601 + n * 7919);
  const site = DEMO_PARTICIPANT_SITES[n % DEMO_PARTICIPANT_SITES.length];
  const coach = findUserByEmail(db, site.coach)!;
  const randomizedOn = addDays(today, -(790 + (n - WHOLE_TRIAL_FIRST) * 5));
  const referralDate = addDays(randomizedOn, -14);
  const registered = participants.registerParticipant(db, identifierKeys(db, config), actor, {
    site: site.code,
    referral: { referral_source: n % 5 === 0 ? 'self_referral' : 'psychiatry', referral_date: referralDate, on_waiting_list: false },
    identity: { person_name: `Demo Deltagare ${demoLabel(n)}`, personal_number: demoPersonnummer(n), person_phone: demoPhone(n), postal_town: 'Demostad' },
    coach_id: coach.id,
  }, today);
  participants.recordScreening(db, actor, registered, syntheticAnswers('screening', () => 0, { screening_date: addDays(referralDate, 3), eligible: true }), undefined);
  participants.recordConsent(db, actor, registered, { consent_version: '1.0', consent_date: addDays(referralDate, 7), consent_research: true, consent_info_exchange: true }, undefined);
  const row = findParticipant(db, registered.id)!;
  const severity = 2 + pick(3) * 0.5;
  const baselineOn = addDays(randomizedOn, -3);
  saveComplete(context, row, 0, 'baseline', demoBaselineAnswers(pick, Number(baselineOn.slice(0, 4)), site.code), baselineOn, true);
  saveComplete(context, row, 0, 'eq5d5l', eq5dAnswers(severity, 'control', 0, pick), baselineOn, true);
  saveComplete(context, row, 0, 'gse', gseAnswers('control', 0, pick), baselineOn, true);
  saveComplete(context, row, 0, 'service_use', serviceUseAnswers(severity, 'control', 0, pick), baselineOn, true);
  const arm = allocate(db, randomizationSeed(db, config), actor, row, randomizedOn).effective_arm as Arm;
  const withdraws = WITHDRAWALS.has(n);
  for (const timepoint of FOLLOW_UPS) {
    if (withdraws && timepoint > 6) break;
    if (pick(16) === 0) continue; // missed (all three forms)
    // answered within the window (14 days before to 28 after the target), spread around the target; now and then on paper
    const answeredOn = addDays(addCalendarMonths(randomizedOn, timepoint), pick(36) - 12);
    const paper = pick(8) === 0;
    saveComplete(context, row, timepoint, 'eq5d5l', eq5dAnswers(severity, arm, timepoint, pick), answeredOn, paper);
    saveComplete(context, row, timepoint, 'gse', gseAnswers(arm, timepoint, pick), answeredOn, paper);
    // now and then the service-use form is left out while the others are answered
    if (pick(40) !== 0) saveComplete(context, row, timepoint, 'service_use', serviceUseAnswers(severity, arm, timepoint, pick), answeredOn, paper);
  }
  const lastDay = withdraws ? 270 : 730;
  if (withdraws) participants.recordWithdrawal(db, actor, row, { withdrawal_date: addDays(randomizedOn, 270), withdrawal_data_use: 'collected_and_registers' }, undefined);
  const coachActor = { id: coach.id, label: coach.email };
  const coachUser = { id: coach.id, role: coach.role };
  const every = arm === 'ips' ? 5 : 56; // IPS: about one contact a week (8 days on average)
  const logs = [];
  for (let day = 3; day <= lastDay; day += every + pick(7)) {
    const activity = arm === 'ips' ? ['participant_meeting', 'employer_contact', 'participant_meeting', 'benefits_counselling', 'travel'][pick(5)] : ['participant_meeting', 'other'][pick(2)];
    logs.push({ entry: { log_date: addDays(randomizedOn, day), staff_role: arm === 'ips' ? 'ips_specialist' : 'municipal_coach', activity, minutes: 45 + 15 * pick(4), log_scope: 'participant' }, participantId: row.id });
  }
  addTimeLogs(db, coachActor, coachUser, logs, () => '');
  const competitive = pick(100) < (arm === 'ips' ? 52 : 26);
  const jobStart = 60 + pick(300);
  if (!withdraws && competitive) {
    const end = pick(3) === 0 ? addDays(randomizedOn, jobStart + 90 + pick(200)) : undefined;
    addEpisode(db, coachActor, row, { episode_type: 'competitive', episode_start_date: addDays(randomizedOn, jobStart), ...(end ? { episode_end_date: end } : {}), hours_per_week: 10 + pick(30), wage_subsidy: pick(4) === 0, employer_type: ['private', 'public', 'non_profit'][pick(3)] });
  } else if (!withdraws && pick(4) === 0) {
    addEpisode(db, coachActor, row, { episode_type: ['work_trial', 'education', 'other'][pick(3)], episode_start_date: addDays(randomizedOn, jobStart), episode_end_date: addDays(randomizedOn, jobStart + 60 + pick(90)), hours_per_week: 8 + pick(20) });
  }
  if (arm !== 'ips') return;
  addStatus(db, coachActor, row, { status_date: addDays(randomizedOn, 7), process_stage: 'agreement' });
  addStatus(db, coachActor, row, { status_date: addDays(randomizedOn, 21), process_stage: 'profile' });
  addStatus(db, coachActor, row, { status_date: addDays(randomizedOn, 40), process_stage: 'job_search' });
  if (!withdraws && competitive) {
    addStatus(db, coachActor, row, { status_date: addDays(randomizedOn, jobStart), process_stage: 'employed' });
    addStatus(db, coachActor, row, { status_date: addDays(randomizedOn, jobStart + 120), process_stage: 'follow_up' });
  }
  addStatus(db, coachActor, row, { status_date: addDays(randomizedOn, lastDay), process_stage: 'ended', ended_reason: withdraws ? 'own_request' : 'other' });
}

export const demoWholeTrialStep: DemoStep = {
  name: 'finished cohort: two years of follow-up, time logs, employment',
  run: (context) => {
    const today = new Date().toISOString().slice(0, 10);
    for (let n = WHOLE_TRIAL_FIRST; n <= WHOLE_TRIAL_LAST; n++) runParticipant(context, n, today);
  },
};
