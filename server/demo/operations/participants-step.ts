/**
 * Demo participants: 40 synthetic people ("Demo Deltagare 001" …, valid-format
 * personnummer in the 98xx serial range, phone 070-000 00 NN) spread over
 * the demo sites, taken through referral, screening (some not eligible, with
 * reasons), consent (some decline), the baseline questionnaire and
 * randomization on dates over the last two years, so the schedule shows
 * every state; follow-up questionnaires for most past windows, two
 * withdrawals, time logs, employment episodes, process statuses and one
 * fidelity review per site. Everything goes through the same services as
 * the API (audit trail included).
 */
import { randomUUID } from 'node:crypto';
import { findParticipant } from '../../db/queries/participants';
import { findUserByEmail } from '../../db/queries/users';
import { luhnCheckDigit } from '../../identity/luhn';
import { addCalendarMonths, addDays } from '../../schedule/calendar';
import { assessmentSchedule } from '../../schedule/assessment-state';
import { allocate, randomizationSeed } from '../../services/allocations';
import { addTimeLogs } from '../../services/coach-work';
import { addReview } from '../../services/fidelity-reviews';
import { identifierKeys } from '../../services/participant-identifiers';
import { addEpisode, addStatus } from '../../services/participant-progress';
import * as participants from '../../services/participants';
import { saveResponse } from '../../services/responses';
import type { DemoContext, DemoStep } from '../index';
import { demoBaselineAnswers, syntheticAnswers } from './synthetic-answers';

export const DEMO_PARTICIPANT_SITES = [
  { code: 'ORE-AFF', coach: 'coach@demo.ips-trial.invalid' },
  { code: 'ORE-DBT', coach: 'coach@demo.ips-trial.invalid' },
  { code: 'ORE-NORR', coach: 'coach2@demo.ips-trial.invalid' },
  { code: 'ORE-VAST', coach: 'coach2@demo.ips-trial.invalid' },
  { code: 'ORE-SODER', coach: 'coach2@demo.ips-trial.invalid' },
];
const NOT_ELIGIBLE = ['not_motivated', 'can_return_to_job', 'outside_working_age', 'declined'];

/** Deterministic small random numbers for the demo (not for anything that must be unpredictable). */
export function demoRandom(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

/** "001" … : the number in "Demo Deltagare 001". */
export function demoLabel(n: number): string {
  return String(n).padStart(3, '0');
}

/** 070-000 00 01 … 070-000 01 20: the test-style phone number of demo participant n. */
export function demoPhone(n: number): string {
  return `070-000 ${String(Math.floor(n / 100)).padStart(2, '0')} ${String(n % 100).padStart(2, '0')}`;
}

export function demoPersonnummer(n: number): string {
  const birth = `${1975 + (n % 25)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + ((n * 7) % 28)).padStart(2, '0')}`;
  const serial = `98${n % 10}`;
  return `${birth}-${serial}${luhnCheckDigit(`${birth.slice(2)}${serial}`)}`;
}

function runParticipant(context: DemoContext, n: number, today: string, pick: (n: number) => number): void {
  const { db, config, actor } = context;
  const site = DEMO_PARTICIPANT_SITES[n % DEMO_PARTICIPANT_SITES.length];
  const coach = findUserByEmail(db, site.coach);
  // participant 37 is randomized so that the 6-month assessment is open today
  const referralDate = n === 37 ? addDays(addCalendarMonths(today, -6), -5) : addDays(today, -760 + n * 18);
  const row = participants.registerParticipant(db, identifierKeys(db, config), actor, {
    site: site.code,
    referral: { referral_source: n % 6 === 0 ? 'self_referral' : 'psychiatry', referral_date: referralDate, on_waiting_list: false },
    identity: { person_name: `Demo Deltagare ${demoLabel(n)}`, personal_number: demoPersonnummer(n), person_phone: demoPhone(n), postal_town: 'Demostad' },
    coach_id: coach?.id ?? null,
  }, today);
  if (n === 40) return; // newly referred, not yet screened
  const eligible = n % 10 !== 9;
  const screening = { ...syntheticAnswers('screening', () => 0, { screening_date: addDays(referralDate, 3), eligible }) };
  if (!eligible) {
    const reason = NOT_ELIGIBLE[Math.floor(n / 10) % NOT_ELIGIBLE.length];
    Object.assign(screening, { motivated_to_work: reason !== 'not_motivated', unemployed_or_no_return: reason !== 'can_return_to_job', working_age: reason !== 'outside_working_age', not_eligible_reason: reason });
  }
  participants.recordScreening(db, actor, row, screening, undefined);
  if (!eligible) return;
  const declines = n % 10 === 8;
  participants.recordConsent(db, actor, row, { consent_version: '1.0', consent_date: addDays(referralDate, 7), consent_research: !declines, consent_info_exchange: !declines }, undefined);
  if (declines || n === 39) return; // 39: consented, baseline not yet done
  const randomizedOn = addDays(referralDate, 10);
  const baselineOn = addDays(referralDate, 8);
  for (const form of ['baseline', 'eq5d5l', 'gse', 'service_use']) {
    const answers = form === 'baseline' ? demoBaselineAnswers(pick, Number(baselineOn.slice(0, 4)), site.code) : syntheticAnswers(form, pick);
    saveResponse(db, actor, 'staff', row, randomUUID(), { timepoint: 0, form, answers, revision: 1, complete: true, answered_on: baselineOn });
  }
  const allocation = allocate(db, randomizationSeed(db, config), actor, findParticipant(db, row.id)!, randomizedOn);
  const withdrawalDate = n === 7 || n === 23 ? addDays(randomizedOn, 200) : null;
  for (const a of assessmentSchedule(randomizedOn).slice(1)) {
    const windowPassed = a.windowEnd < today;
    const windowOpen = a.windowStart <= today && !windowPassed;
    // answered on a day spread around the target, inside the window, never after today
    const spread = addDays(a.targetDate, pick(36) - 12);
    const answeredOn = spread > today ? today : spread < a.windowStart ? a.windowStart : spread;
    if (withdrawalDate !== null && answeredOn > withdrawalDate) continue; // no answers after a withdrawal
    if ((windowPassed && (n + a.timepoint) % 5 !== 0) || (windowOpen && n % 2 === 0 && n !== 37)) {
      // now and then a paper form keyed in by staff, with the date on the paper
      const source = pick(6) === 0 ? 'staff' : 'tablet';
      for (const form of ['eq5d5l', 'gse', 'service_use']) {
        saveResponse(db, actor, source, row, randomUUID(), { timepoint: a.timepoint, form, answers: syntheticAnswers(form, pick), revision: 3, complete: true, answered_on: answeredOn });
      }
    } else if (windowOpen) {
      saveResponse(db, actor, 'tablet', row, randomUUID(), { timepoint: a.timepoint, form: 'gse', answers: { gse_01: 3, gse_02: 2 }, revision: 1, complete: false });
    }
  }
  if (withdrawalDate !== null) {
    participants.recordWithdrawal(db, actor, row, { withdrawal_date: withdrawalDate, withdrawal_data_use: n === 7 ? 'collected_only' : 'collected_and_registers' }, undefined);
    return;
  }
  if (allocation.effective_arm !== 'ips' || !coach) return;
  addStatus(db, actor, row, { status_date: addDays(randomizedOn, 7), process_stage: 'agreement' });
  addStatus(db, actor, row, { status_date: addDays(randomizedOn, 40), process_stage: 'job_search' });
  const coachUser = { id: coach.id, role: coach.role };
  const coachActor = { id: coach.id, label: coach.email };
  addTimeLogs(db, coachActor, coachUser, [0, 7, 14, 30].map((d, i) => ({
    entry: { log_date: addDays(randomizedOn, d), staff_role: 'ips_specialist', activity: ['participant_meeting', 'employer_contact', 'team_meeting', 'benefits_counselling'][i], minutes: 30 + 15 * pick(4), log_scope: 'participant' },
    participantId: row.id,
  })), () => '');
  if (n % 3 === 0 && addDays(randomizedOn, 120) < today) {
    addEpisode(db, coachActor, row, { episode_type: n % 2 ? 'competitive' : 'education', episode_start_date: addDays(randomizedOn, 120), hours_per_week: 10 + pick(25), wage_subsidy: n % 4 === 0 });
    addStatus(db, coachActor, row, { status_date: addDays(randomizedOn, 120), process_stage: n % 2 ? 'employed' : 'studying' });
  }
}

function fidelityItems(base: number, pick: (n: number) => number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`fid_${String(i + 1).padStart(2, '0')}`, Math.min(5, Math.max(1, base + pick(3) - 1))]));
}

export const demoParticipantsStep: DemoStep = {
  name: 'participants, allocations, schedule, responses, time logs, episodes, fidelity',
  run: (context) => {
    const today = new Date().toISOString().slice(0, 10);
    const pick = demoRandom(20261123);
    for (let n = 1; n <= 40; n++) runParticipant(context, n, today, pick);
    for (const [i, site] of DEMO_PARTICIPANT_SITES.entries()) {
      addReview(context.db, context.actor, site.code, { review_date: addDays(today, -200 + i * 10), review_type: 'independent', reviewers: 'Demo Granskare Ett, Demo Granskare Två', ...fidelityItems(3 + (i % 2), pick) });
    }
    // employer development for a site, not tied to one participant
    const coach = findUserByEmail(context.db, 'coach@demo.ips-trial.invalid');
    if (coach) {
      addTimeLogs(context.db, { id: coach.id, label: coach.email }, { id: coach.id, role: coach.role }, [
        { entry: { log_date: addDays(today, -3), staff_role: 'ips_specialist', activity: 'employer_contact', minutes: 90, log_scope: 'site' }, site: 'ORE-AFF' },
      ], () => '');
    }
  },
};
