/**
 * Questionnaire responses from tablets (and staff), idempotent by the
 * client's UUID.
 *
 * `saveResponse` in one IMMEDIATE transaction: a UUID seen before with a
 * complete response returns that response unchanged (final); an older or
 * equal revision returns the stored one unchanged (a retry); a newer
 * revision replaces the answers. A new UUID inserts one row. Partial saves
 * are validated field by field (`partial`), a complete one fully; scores are
 * computed and stored when the response completes. Responses need consent;
 * follow-up timepoints need an allocation; a withdrawn participant takes no
 * new responses (retries of stored ones are still answered).
 */
import { getForm } from '../../data-dictionary/index';
import { validateForm } from '../../data-dictionary/validate';
import type { Db } from '../db/connection';
import { findAllocation } from '../db/queries/allocations';
import { findConsent, findWithdrawal } from '../db/queries/participant-forms';
import type { ParticipantRow } from '../db/queries/participants';
import * as responses from '../db/queries/responses';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { assessmentsOf, requiredForms } from './assessments';
import { recordAudit, type AuditActor } from './audit';
import { answeredOn, answeredOnProblem, type ResponseSource } from './answer-date';
import { outOfWindowReason, outOfWindowReasonProblem } from './answer-window';
import { refuseImplausible, workingAgeBirthYear } from './date-plausibility';
import type { Answers } from './operations-forms';
import { scoreResponse } from './response-scores';
import { getStudySettings } from './study-settings';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResponseSubmission {
  timepoint: number;
  form: string;
  answers: Answers;
  revision: number;
  complete: boolean;
  /** the date the participant answered (required from staff; a tablet sends its completion date) */
  answered_on?: string;
  /** staff only: why an answer dated outside its timepoint's window is accepted */
  out_of_window_reason?: string;
}

export interface ResponseView {
  clientUuid: string;
  participantId: number;
  timepoint: number;
  form: string;
  revision: number;
  complete: boolean;
  answers: Answers;
  scores: Record<string, unknown> | null;
  savedAt: string;
  completedAt: string | null;
  /** the date the participant answered (YYYY-MM-DD) */
  answeredOn: string | null;
  /** why staff accepted it outside its timepoint's window (null inside the window) */
  outOfWindowReason: string | null;
  /** how it reached the study: `staff` (keyed in by staff from a paper form or an interview), `tablet` (clinic tablet) or `home` (home code) */
  source: ResponseSource;
}

export function viewResponse(row: responses.ResponseRow): ResponseView {
  return {
    clientUuid: row.client_uuid,
    participantId: row.participant_id,
    timepoint: row.timepoint,
    form: row.form,
    revision: row.revision,
    complete: row.complete === 1,
    answers: JSON.parse(row.answers_json) as Answers,
    scores: row.scores_json ? (JSON.parse(row.scores_json) as Record<string, unknown>) : null,
    savedAt: row.updated_at,
    completedAt: row.completed_at,
    answeredOn: row.answered_on,
    outOfWindowReason: row.out_of_window_reason,
    source: row.source as ResponseSource,
  };
}

/** Checks the envelope (not the answers); throws 400 naming each wrong field. */
export function checkSubmission(body: unknown): ResponseSubmission & { participantId?: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw problems.bodyNotObject();
  const b = body as Record<string, unknown>;
  const errors: { field: string; message: string }[] = [];
  const allowed = new Set(['participantId', 'timepoint', 'form', 'answers', 'revision', 'complete']);
  for (const extra of ['answered_on', 'out_of_window_reason']) allowed.add(extra);
  for (const key of Object.keys(b)) if (!allowed.has(key)) errors.push({ field: key, message: `unknown field '${key}'` });
  if (b.participantId !== undefined && !(Number.isSafeInteger(b.participantId) && (b.participantId as number) > 0)) errors.push({ field: 'participantId', message: 'participantId must be a positive whole number' });
  if (typeof b.timepoint !== 'number') errors.push({ field: 'timepoint', message: 'timepoint must be a number: one of 0, 6, 12, 18, 24' });
  else if (![0, 6, 12, 18, 24].includes(b.timepoint)) errors.push({ field: 'timepoint', message: 'timepoint must be one of 0, 6, 12, 18, 24' });
  const form = typeof b.form === 'string' ? getForm(b.form) : undefined;
  if (!form || form.kind !== 'research') errors.push({ field: 'form', message: 'form must be the name of a questionnaire form (research form of the data dictionary)' });
  else if (typeof b.timepoint === 'number' && !(form.timepoints ?? []).includes(b.timepoint)) errors.push({ field: 'form', message: `form ${form.name} is not collected at timepoint ${b.timepoint}` });
  if (typeof b.answers !== 'object' || b.answers === null || Array.isArray(b.answers)) errors.push({ field: 'answers', message: 'answers must be an object of field names and values' });
  if (!Number.isSafeInteger(b.revision) || (b.revision as number) < 0) errors.push({ field: 'revision', message: 'revision must be a whole number of at least 0' });
  if (typeof b.complete !== 'boolean') errors.push({ field: 'complete', message: 'complete must be true or false' });
  const dateProblem = b.answered_on === undefined ? null : answeredOnProblem(b.answered_on);
  if (dateProblem) errors.push({ field: 'answered_on', message: dateProblem });
  const reasonProblem = b.out_of_window_reason === undefined ? null : outOfWindowReasonProblem(b.out_of_window_reason);
  if (reasonProblem) errors.push({ field: 'out_of_window_reason', message: reasonProblem });
  if (errors.length) throw problems.invalidBody(errors);
  return b as unknown as ResponseSubmission & { participantId?: number };
}

export interface SaveResult {
  status: 'created' | 'updated' | 'unchanged';
  response: ResponseView;
}

function checkParticipantMayAnswer(db: Db, participant: ParticipantRow, timepoint: number): void {
  const consent = findConsent(db, participant.id);
  if (!consent || !consent.consent_research) throw problems.conflict(`${participant.study_id} has no consent to research; no questionnaire can be saved`);
  if (findWithdrawal(db, participant.id)) throw problems.conflict(`${participant.study_id} has withdrawn; no new questionnaire can be saved`);
  if (timepoint !== 0 && !findAllocation(db, participant.id)) throw problems.conflict(`${participant.study_id} is not randomized; only baseline (timepoint 0) questionnaires can be saved`);
}

export function saveResponse(db: Db, actor: AuditActor, source: ResponseSource, participant: ParticipantRow, clientUuid: string, submission: ResponseSubmission, clock: Date = new Date()): SaveResult {
  if (!UUID_PATTERN.test(clientUuid)) throw problems.invalidBody([{ field: 'clientUuid', message: 'clientUuid in the path must be a UUID' }]);
  const uuid = clientUuid.toLowerCase();
  return inTransaction(db, () => {
    const existing = responses.findResponseByUuid(db, uuid);
    if (existing) {
      if (existing.participant_id !== participant.id || existing.timepoint !== submission.timepoint || existing.form !== submission.form) {
        throw problems.conflict('This clientUuid already belongs to another participant, timepoint or form');
      }
      if (existing.complete === 1 || submission.revision <= existing.revision) return { status: 'unchanged', response: viewResponse(existing) };
    }
    checkParticipantMayAnswer(db, participant, submission.timepoint);
    const result = validateForm(submission.form, submission.answers, { partial: !submission.complete });
    if (!result.ok) throw problems.invalidBody(result.errors.map((e) => ({ field: e.field ? `answers.${e.field}` : 'answers', message: e.message })));
    const answered = answeredOn(db, participant, source, submission.timepoint, submission.answered_on, clock);
    const windowReason = outOfWindowReason(db, participant, source, submission.timepoint, answered, submission.out_of_window_reason);
    // a year of birth (dictionary attribute workingAge) is of someone of working age in the year answered
    for (const field of getForm(submission.form)?.fields ?? []) {
      const year = result.value[field.name];
      if (field.workingAge && typeof year === 'number') refuseImplausible(workingAgeBirthYear(`answers.${field.name}`, year, answered));
    }
    if (submission.complete) {
      const other = responses.findCompleteResponse(db, participant.id, submission.timepoint, submission.form);
      if (other && other.client_uuid !== uuid) throw problems.conflict(`${participant.study_id} already has a complete ${submission.form} response at timepoint ${submission.timepoint}`);
    }
    const settings = getStudySettings(db);
    const scores = submission.complete ? scoreResponse(submission.form, result.value, settings.eq5dValueSetId) : null;
    const values = { answersJson: JSON.stringify(result.value), revision: submission.revision, complete: submission.complete, scoresJson: scores ? JSON.stringify(scores) : null, answeredOn: answered, outOfWindowReason: windowReason };
    const now = new Date().toISOString();
    if (existing) responses.updateResponseRevision(db, existing.id, values, now);
    else responses.insertResponse(db, { clientUuid: uuid, participantId: participant.id, timepoint: submission.timepoint, form: submission.form, source, ...values }, now);
    const saved = responses.findResponseByUuid(db, uuid)!;
    recordAudit(db, {
      actor,
      action: existing ? 'update' : 'create',
      entity: 'response',
      entityId: uuid,
      before: existing ? { revision: existing.revision, answered_on: existing.answered_on, answers: JSON.parse(existing.answers_json) } : null,
      after: { study_id: participant.study_id, timepoint: saved.timepoint, form: saved.form, revision: saved.revision, complete: saved.complete === 1, answered_on: saved.answered_on, ...(windowReason ? { out_of_window_reason: windowReason } : {}), answers: result.value, scores },
      reason: windowReason,
    });
    return { status: existing ? 'updated' : 'created', response: viewResponse(saved) };
  });
}

export interface OpenAssessment {
  studyId: string;
  timepoint: number | null;
  state: string | null;
  forms: { form: string; response: ResponseView | null }[];
}

/**
 * The assessment a tablet should show now, with what is already saved
 * (resume): baseline before randomization, afterwards the earliest open or
 * overdue timepoint; `timepoint: null` when nothing is due.
 */
export function openAssessment(db: Db, participant: ParticipantRow, today: string): OpenAssessment {
  const settings = getStudySettings(db);
  let timepoint: number | null = null;
  let state: string | null = null;
  if (!findAllocation(db, participant.id)) {
    timepoint = 0;
    state = 'baseline';
  } else {
    const due = assessmentsOf(db, participant.id, today).find((a) => a.state === 'open' || a.state === 'overdue');
    if (due) {
      timepoint = due.timepoint;
      state = due.state;
    }
  }
  if (timepoint === null) return { studyId: participant.study_id, timepoint, state, forms: [] };
  const saved = responses.listResponsesOf(db, participant.id, timepoint);
  const forms = requiredForms(timepoint, settings).map((form) => {
    const rows = saved.filter((r) => r.form === form);
    const best = rows.find((r) => r.complete === 1) ?? rows.sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
    return { form, response: best ? viewResponse(best) : null };
  });
  return { studyId: participant.study_id, timepoint, state, forms };
}
