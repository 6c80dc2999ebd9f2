/**
 * Participants from referral to withdrawal: registration (referral form +
 * encrypted identity), screening against the eligibility criteria, consent
 * and withdrawal. Each change and its audit entry are saved in one
 * transaction; changing a form after its first entry needs a reason. Audit
 * entries of identifiers name the fields changed, never their values.
 */
import type { Db } from '../db/connection';
import * as forms from '../db/queries/participant-forms';
import { findAllocation } from '../db/queries/allocations';
import { findParticipant, insertParticipant, nextSiteSequence, setCoach, updateReferral, type ParticipantRow } from '../db/queries/participants';
import { findSiteByCode } from '../db/queries/sites';
import { findUserById } from '../db/queries/users';
import { siteIdsOfUser } from '../db/queries/user-sites';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import type { IdentifierKeys } from '../identity/identifier-cipher';
import { recordAudit, requireReasonForChange, type AuditActor } from './audit';
import type { Answers } from './operations-forms';
import { notAfter, notInFuture, plausibleAfter, refuseImplausible } from './date-plausibility';
import { checkNationalId, storeIdentifiers, type NationalIdKind } from './participant-identifiers';

export function studyIdFor(siteCode: string, sequence: number): string {
  return `${siteCode}-${String(sequence).padStart(4, '0')}`;
}

export type FlowStage = 'referred' | 'not_eligible' | 'eligible' | 'declined' | 'consented' | 'randomized' | 'withdrawn';

export interface ParticipantSummary {
  id: number;
  studyId: string;
  site: string;
  referralSource: string;
  referralDate: string;
  onWaitingList: boolean;
  coachId: number | null;
  stage: FlowStage;
  arm: 'ips' | 'control' | null;
  randomizedOn: string | null;
}

export function flowStage(db: Db, participantId: number): FlowStage {
  if (forms.findWithdrawal(db, participantId)) return 'withdrawn';
  if (findAllocation(db, participantId)) return 'randomized';
  const consent = forms.findConsent(db, participantId);
  if (consent) return consent.consent_research && consent.consent_info_exchange ? 'consented' : 'declined';
  const screening = forms.findScreening(db, participantId);
  if (screening) return screening.eligible ? 'eligible' : 'not_eligible';
  return 'referred';
}

export function summarize(db: Db, row: ParticipantRow): ParticipantSummary {
  const allocation = findAllocation(db, row.id);
  return {
    id: row.id,
    studyId: row.study_id,
    site: row.site_code,
    referralSource: row.referral_source,
    referralDate: row.referral_date,
    onWaitingList: row.on_waiting_list === 1,
    coachId: row.coach_id,
    stage: flowStage(db, row.id),
    arm: allocation?.effective_arm ?? null,
    randomizedOn: allocation?.randomized_on ?? null,
  };
}

function checkCoach(db: Db, coachId: number | null | undefined, siteId: number): void {
  if (coachId === null || coachId === undefined) return;
  const coach = findUserById(db, coachId);
  if (!coach || coach.role !== 'coach' || !coach.active) throw problems.invalidBody([{ field: 'coach_id', message: `coach_id ${coachId} is not an active coach` }]);
  if (!siteIdsOfUser(db, coachId).includes(siteId)) throw problems.invalidBody([{ field: 'coach_id', message: `coach ${coachId} does not belong to this site` }]);
}

/** The referral's dates: not in the future; on a change, not after the screening or consent that follow it. */
function checkReferralDates(db: Db, referral: Answers, now: Date, participantId?: number): void {
  const date = String(referral.referral_date);
  const screening = participantId === undefined ? undefined : forms.findScreening(db, participantId);
  const consent = participantId === undefined ? undefined : forms.findConsent(db, participantId);
  refuseImplausible(
    notInFuture('referral.referral_date', date, now),
    typeof referral.waiting_list_date === 'string' ? notInFuture('referral.waiting_list_date', referral.waiting_list_date, now) : null,
    notAfter('referral.referral_date', date, screening?.screening_date, 'after_screening', 'screening'),
    notAfter('referral.referral_date', date, consent?.consent_date, 'after_consent', 'consent'),
  );
}

const followsReferral = (participant: ParticipantRow) => ({ limit: participant.referral_date, code: 'before_referral' as const, event: 'referral' });

export interface Registration {
  site: string;
  referral: Answers;
  identity: Answers;
  id_kind?: NationalIdKind;
  coach_id?: number | null;
}

export function registerParticipant(db: Db, keys: IdentifierKeys, actor: AuditActor, input: Registration, today: string, clock: Date = new Date()): ParticipantRow {
  checkReferralDates(db, input.referral, clock);
  const site = findSiteByCode(db, input.site);
  if (!site) throw problems.invalidBody([{ field: 'site', message: `site "${input.site}" does not exist` }]);
  const nationalId = checkNationalId(input.id_kind ?? 'SE', String(input.identity.personal_number), today);
  return inTransaction(db, () => {
    checkCoach(db, input.coach_id, site.id);
    const now = new Date().toISOString();
    const sequence = nextSiteSequence(db, site.id);
    const id = insertParticipant(
      db,
      {
        studyId: studyIdFor(site.code, sequence),
        siteId: site.id,
        siteSequence: sequence,
        referralSource: String(input.referral.referral_source),
        referralDate: String(input.referral.referral_date),
        onWaitingList: input.referral.on_waiting_list === true,
        referralJson: JSON.stringify(input.referral),
        coachId: input.coach_id ?? null,
      },
      now,
    );
    storeIdentifiers(db, keys, id, input.identity, nationalId, now);
    const row = findParticipant(db, id)!;
    recordAudit(db, { actor, action: 'create', entity: 'participant', entityId: row.study_id, after: { site: site.code, coach_id: row.coach_id, referral: input.referral } });
    recordAudit(db, { actor, action: 'create', entity: 'participant_identifiers', entityId: row.study_id, after: { fields: Object.keys(input.identity).sort(), national_id_kind: nationalId.kind } });
    return row;
  });
}

export function updateParticipant(db: Db, actor: AuditActor, participant: ParticipantRow, input: { referral?: Answers; coach_id?: number | null; reason?: string }, clock: Date = new Date()): ParticipantRow {
  return inTransaction(db, () => {
    if (input.referral) checkReferralDates(db, input.referral, clock, participant.id);
    const now = new Date().toISOString();
    const before = { referral: JSON.parse(participant.referral_json), coach_id: participant.coach_id };
    const reason = input.referral ? requireReasonForChange(before, input.reason) : (input.reason ?? null);
    if (input.referral) {
      updateReferral(db, participant.id, {
        referralSource: String(input.referral.referral_source),
        referralDate: String(input.referral.referral_date),
        onWaitingList: input.referral.on_waiting_list === true,
        referralJson: JSON.stringify(input.referral),
      }, now);
    }
    if (input.coach_id !== undefined) {
      checkCoach(db, input.coach_id, participant.site_id);
      setCoach(db, participant.id, input.coach_id, now);
    }
    const after = { referral: input.referral ?? before.referral, coach_id: input.coach_id === undefined ? before.coach_id : input.coach_id };
    recordAudit(db, { actor, action: 'update', entity: 'participant', entityId: participant.study_id, before, after, reason });
    return findParticipant(db, participant.id)!;
  });
}

export function updateIdentifiers(db: Db, keys: IdentifierKeys, actor: AuditActor, participant: ParticipantRow, identity: Answers, kind: NationalIdKind, reason: string | undefined, today: string): void {
  const nationalId = checkNationalId(kind, String(identity.personal_number), today);
  inTransaction(db, () => {
    const checkedReason = requireReasonForChange({ exists: true }, reason);
    storeIdentifiers(db, keys, participant.id, identity, nationalId, new Date().toISOString());
    recordAudit(db, { actor, action: 'update', entity: 'participant_identifiers', entityId: participant.study_id, after: { fields: Object.keys(identity).sort(), national_id_kind: kind }, reason: checkedReason });
  });
}

const CRITERIA = ['in_psychiatric_care', 'unemployed_or_no_return', 'public_support', 'motivated_to_work', 'working_age'] as const;

export function recordScreening(db: Db, actor: AuditActor, participant: ParticipantRow, answers: Answers, reason: string | undefined, clock: Date = new Date()): forms.ScreeningRow {
  refuseImplausible(plausibleAfter('screening.screening_date', String(answers.screening_date), clock, followsReferral(participant)));
  const failed = CRITERIA.filter((c) => answers[c] === false);
  if (answers.eligible === true && failed.length > 0) {
    throw problems.invalidBody(failed.map((c) => ({ field: `screening.${c}`, message: `eligible cannot be true when ${c} is false` })));
  }
  if (answers.eligible === false && answers.not_eligible_reason === undefined) {
    throw problems.invalidBody([{ field: 'screening.not_eligible_reason', message: 'not_eligible_reason is required when eligible is false' }]);
  }
  return inTransaction(db, () => {
    if (findAllocation(db, participant.id)) throw problems.conflict('The participant is already randomized; screening can no longer change');
    const previous = forms.findScreening(db, participant.id);
    const checkedReason = requireReasonForChange(previous ? JSON.parse(previous.answers_json) : null, reason);
    forms.upsertScreening(db, {
      participant_id: participant.id,
      screening_date: String(answers.screening_date),
      eligible: answers.eligible ? 1 : 0,
      not_eligible_reason: answers.eligible ? null : String(answers.not_eligible_reason),
      answers_json: JSON.stringify(answers),
    }, actor.id, new Date().toISOString());
    recordAudit(db, { actor, action: previous ? 'update' : 'create', entity: 'screening', entityId: participant.study_id, before: previous ? JSON.parse(previous.answers_json) : null, after: answers, reason: checkedReason });
    return forms.findScreening(db, participant.id)!;
  });
}

export function recordConsent(db: Db, actor: AuditActor, participant: ParticipantRow, answers: Answers, reason: string | undefined, clock: Date = new Date()): forms.ConsentRow {
  refuseImplausible(plausibleAfter('consent.consent_date', String(answers.consent_date), clock, followsReferral(participant)));
  return inTransaction(db, () => {
    const screening = forms.findScreening(db, participant.id);
    if (!screening || !screening.eligible) throw problems.conflict('Consent can only be recorded for a participant screened as eligible');
    if (findAllocation(db, participant.id)) throw problems.conflict('The participant is already randomized; use a withdrawal to end participation');
    const previous = forms.findConsent(db, participant.id);
    const checkedReason = requireReasonForChange(previous ? JSON.parse(previous.answers_json) : null, reason);
    forms.upsertConsent(db, {
      participant_id: participant.id,
      consent_version: String(answers.consent_version),
      consent_date: String(answers.consent_date),
      consent_research: answers.consent_research ? 1 : 0,
      consent_info_exchange: answers.consent_info_exchange ? 1 : 0,
      answers_json: JSON.stringify(answers),
    }, actor.id, new Date().toISOString());
    recordAudit(db, { actor, action: previous ? 'update' : 'create', entity: 'consent', entityId: participant.study_id, before: previous ? JSON.parse(previous.answers_json) : null, after: answers, reason: checkedReason });
    return forms.findConsent(db, participant.id)!;
  });
}

/** A withdrawal is dated from the randomization on (before it, from the referral on) up to today. */
export function recordWithdrawal(db: Db, actor: AuditActor, participant: ParticipantRow, answers: Answers, reason: string | undefined, clock: Date = new Date()): forms.WithdrawalRow {
  return inTransaction(db, () => {
    const allocation = findAllocation(db, participant.id);
    const follows = allocation ? { limit: allocation.randomized_on, code: 'before_randomization' as const, event: 'randomization' } : followsReferral(participant);
    refuseImplausible(plausibleAfter('withdrawal.withdrawal_date', String(answers.withdrawal_date), clock, follows));
    const previous = forms.findWithdrawal(db, participant.id);
    const checkedReason = requireReasonForChange(previous ? JSON.parse(previous.answers_json) : null, reason);
    forms.upsertWithdrawal(db, {
      participant_id: participant.id,
      withdrawal_date: String(answers.withdrawal_date),
      withdrawal_data_use: String(answers.withdrawal_data_use),
      answers_json: JSON.stringify(answers),
    }, actor.id, new Date().toISOString());
    recordAudit(db, { actor, action: previous ? 'update' : 'create', entity: 'withdrawal', entityId: participant.study_id, before: previous ? JSON.parse(previous.answers_json) : null, after: answers, reason: checkedReason });
    return forms.findWithdrawal(db, participant.id)!;
  });
}
