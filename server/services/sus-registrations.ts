/**
 * SUS registrations captured where they happen: the start registration when
 * a participant of the funded intervention (IPS arm, after corrections)
 * starts, the end registration when they end (forms sus_start and sus_end).
 * One of each per participant; a correction needs a reason and is kept in
 * the audit trail with the earlier values. Staff mark a registration as
 * entered into SUS itself once they have copied it from the SUS sheet; a
 * correction after that clears the mark, so the change shows up again on
 * the SUS worklist.
 */
import { missingSusFields, type SusKind } from '../../data-dictionary/sus';
import type { Db } from '../db/connection';
import type { ParticipantRow } from '../db/queries/participants';
import { listStatuses } from '../db/queries/process-statuses';
import * as sus from '../db/queries/sus-registrations';
import { inTransaction } from '../db/transaction';
import { problems, type FieldProblem } from '../errors';
import { canonicalJson } from './audit-chain';
import { recordAudit, requireReasonForChange, type AuditActor } from './audit';
import { notAfter, notBefore, plausibleAfter, refuseImplausible } from './date-plausibility';
import type { Answers } from './operations-forms';

export function viewSusRegistration(row: sus.SusRegistrationRow | undefined, consent: boolean | null) {
  if (!row) return null;
  const answers = JSON.parse(row.answers_json) as Answers;
  return { kind: row.kind, date: row.registration_date, answers, missing: missingSusFields(row.kind, answers, consent), enteredOn: row.entered_on, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Whether the participant is in the funded intervention, and since when. */
function interventionStart(db: Db, participant: ParticipantRow): string {
  const row = sus.listSusParticipants(db, { ids: [participant.id] })[0];
  if (!row || row.in_ips !== 1 || row.randomized_on === null) {
    throw problems.conflict(`${participant.study_id} is not in the IPS arm: SUS registrations are for participants of the funded intervention`);
  }
  return row.randomized_on;
}

function checkSupport(part: string, field: string, answers: Answers, errors: FieldProblem[]): void {
  const value = answers[field];
  if (Array.isArray(value) && value.includes('no_support') && value.length > 1) {
    errors.push({ field: `${part}.${field}`, message: `${field}: no_support cannot be combined with another source of support` });
  }
}

function checkContent(kind: SusKind, answers: Answers): void {
  const errors: FieldProblem[] = [];
  const part = 'registration';
  if (kind === 'start') checkSupport(part, 'sus_support_before', answers, errors);
  else {
    checkSupport(part, 'sus_support_after', answers, errors);
    if (answers.sus_work_subsidised !== undefined && !(Number(answers.sus_work_after_pct) > 0)) {
      errors.push({ field: `${part}.sus_work_subsidised`, message: 'sus_work_subsidised is only for employment after the intervention above 0 %' });
    }
  }
  if (errors.length) throw problems.invalidBody(errors);
}

/** Records (or, with a reason, corrects) the start or end registration. */
export function recordSusRegistration(db: Db, actor: AuditActor, participant: ParticipantRow, kind: SusKind, answers: Answers, reason: string | undefined, clock: Date = new Date()) {
  const randomizedOn = interventionStart(db, participant);
  checkContent(kind, answers);
  return inTransaction(db, () => {
    const start = sus.findSusRegistration(db, participant.id, 'start');
    const before = sus.findSusRegistration(db, participant.id, kind);
    let date: string;
    if (kind === 'start') {
      date = String(answers.sus_start_date);
      const end = sus.findSusRegistration(db, participant.id, 'end');
      refuseImplausible(
        plausibleAfter('registration.sus_start_date', date, clock, { limit: randomizedOn, code: 'before_randomization', event: 'randomization' }),
        notAfter('registration.sus_start_date', date, end?.registration_date, 'after_end', 'SUS end date'),
      );
    } else {
      if (!start) throw problems.conflict(`Record the SUS start registration of ${participant.study_id} before the end registration`);
      date = String(answers.sus_end_date);
      refuseImplausible(plausibleAfter('registration.sus_end_date', date, clock), notBefore('registration.sus_end_date', date, start.registration_date, 'before_start', 'SUS start date'));
    }
    const beforeAnswers = before ? JSON.parse(before.answers_json) : undefined;
    const checkedReason = requireReasonForChange(beforeAnswers, reason);
    const consent = kind === 'start' ? (answers.sus_consent === true ? 1 : 0) : null;
    const now = new Date().toISOString();
    sus.upsertSusRegistration(db, { participantId: participant.id, kind, date, consent, answersJson: JSON.stringify(answers) }, actor.id, now);
    const changed = before !== undefined && canonicalJson(beforeAnswers) !== canonicalJson(answers);
    if (changed && before.entered_on !== null) sus.setSusEnteredOn(db, participant.id, kind, null, now);
    recordAudit(db, { actor, action: before ? 'update' : 'create', entity: 'sus_registration', entityId: `${participant.id}:${kind}`, before: beforeAnswers, after: { study_id: participant.study_id, ...answers }, reason: checkedReason });
    return susRegistrations(db, participant.id);
  });
}

/** Marks a registration as entered into SUS on `enteredOn` (null: not entered after all; a reason is then required). */
export function markSusEntered(db: Db, actor: AuditActor, participant: ParticipantRow, kind: SusKind, enteredOn: string | null, reason: string | undefined, clock: Date = new Date()) {
  return inTransaction(db, () => {
    const row = sus.findSusRegistration(db, participant.id, kind);
    if (!row) throw problems.notFound(`SUS ${kind} registration of participant`, participant.study_id);
    if (enteredOn !== null) {
      refuseImplausible(plausibleAfter('entered_on', enteredOn, clock, { limit: row.registration_date, code: 'before_start', event: `SUS ${kind} date` }));
    }
    const checkedReason = requireReasonForChange(row.entered_on === null ? undefined : { entered_on: row.entered_on }, reason);
    sus.setSusEnteredOn(db, participant.id, kind, enteredOn, new Date().toISOString());
    recordAudit(db, { actor, action: 'update', entity: 'sus_registration', entityId: `${participant.id}:${kind}`, before: { entered_on: row.entered_on }, after: { study_id: participant.study_id, entered_on: enteredOn }, reason: checkedReason });
    return susRegistrations(db, participant.id);
  });
}

export function susRegistrations(db: Db, participantId: number) {
  const rows = sus.listSusRegistrations(db, participantId);
  const startRow = rows.find((r) => r.kind === 'start');
  const consent = startRow ? startRow.consent === 1 : null;
  // the end registration is due once the latest process status is "ended"
  const endDue = listStatuses(db, participantId).at(-1)?.process_stage === 'ended';
  return { start: viewSusRegistration(startRow, consent), end: viewSusRegistration(rows.find((r) => r.kind === 'end'), consent), endDue };
}
