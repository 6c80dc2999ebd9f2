/**
 * Correcting a complete questionnaire response (a complete response is
 * final for tablets: a PUT answers it unchanged). Staff send the changed
 * answers (`null` clears an optional one), and/or a corrected `answered_on`
 * with, when it falls outside the timepoint's window, `out_of_window_reason`;
 * always a `reason`. The merged answers are validated in full against the
 * form's schema, the date against the same plausibility rules and window as
 * a new staff submission, a baseline birth year against working age; the
 * scores are computed again. The response row then holds the corrected
 * values (exports, scores, CONSORT and completion use them) and the earlier
 * ones stay in record_corrections (services/record-corrections.ts).
 */
import { validateForm } from '../../data-dictionary/validate';
import type { Db } from '../db/connection';
import * as responses from '../db/queries/responses';
import type { UserRow } from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { answeredOn, answeredOnProblem } from './answer-date';
import { outOfWindowReason, outOfWindowReasonProblem } from './answer-window';
import type { AuditActor } from './audit';
import { refuseImplausible, workingAgeBirthYear } from './date-plausibility';
import type { Answers } from './operations-forms';
import { participantFromParam } from './participant-access';
import { correctionsOfRecord, mergePatch, readCorrectionBody, recordCorrection, type CorrectionView } from './record-corrections';
import { scoreResponse } from './response-scores';
import { UUID_PATTERN, viewResponse, type ResponseView } from './responses';
import { getStudySettings } from './study-settings';

export interface ResponseCorrection {
  answers: Answers;
  answered_on?: string;
  out_of_window_reason?: string;
  reason: string;
}

/** Reads `{ answers?, answered_on?, out_of_window_reason?, reason }`; 400 naming each wrong field. */
export function checkResponseCorrection(body: unknown): ResponseCorrection {
  const { patch, reason, extra } = readCorrectionBody(body, 'answers', { answered_on: answeredOnProblem, out_of_window_reason: outOfWindowReasonProblem });
  return { answers: patch, reason, ...(extra as { answered_on?: string; out_of_window_reason?: string }) };
}

/** What a correction compares and keeps: the values staff may correct and the scores that follow from them. */
function snapshot(row: responses.ResponseRow): Record<string, unknown> {
  return {
    answers: JSON.parse(row.answers_json) as Answers,
    scores: row.scores_json ? (JSON.parse(row.scores_json) as Record<string, unknown>) : null,
    answered_on: row.answered_on,
    out_of_window_reason: row.out_of_window_reason,
  };
}

/** The stored response of `clientUuid` that `user` may see (404 otherwise). */
export function visibleResponse(db: Db, user: Pick<UserRow, 'id' | 'role'>, clientUuid: string): responses.ResponseRow {
  if (!UUID_PATTERN.test(clientUuid)) throw problems.invalidId('response', clientUuid.slice(0, 40));
  const row = responses.findResponseByUuid(db, clientUuid.toLowerCase());
  if (!row) throw problems.notFound('response', clientUuid);
  participantFromParam(db, user, String(row.participant_id));
  return row;
}

export function correctResponse(db: Db, actor: AuditActor, user: Pick<UserRow, 'id' | 'role'>, clientUuid: string, correction: ResponseCorrection, clock: Date = new Date()): { response: ResponseView; correction: CorrectionView } {
  return inTransaction(db, () => {
    const row = visibleResponse(db, user, clientUuid);
    const participant = participantFromParam(db, user, String(row.participant_id));
    if (row.complete !== 1) throw problems.conflict(`This ${row.form} response is not complete yet; continue it with PUT /api/responses/${row.client_uuid} and a higher revision`);
    const merged = mergePatch(JSON.parse(row.answers_json) as Answers, correction.answers);
    const result = validateForm(row.form, merged);
    if (!result.ok) throw problems.invalidBody(result.errors.map((e) => ({ field: e.field ? `answers.${e.field}` : 'answers', message: e.message })));
    const dateGiven = correction.answered_on !== undefined;
    const answered = dateGiven ? answeredOn(db, participant, 'staff', row.timepoint, correction.answered_on, clock) : (row.answered_on ?? row.updated_at.slice(0, 10));
    const windowReason = dateGiven || correction.out_of_window_reason !== undefined
      ? outOfWindowReason(db, participant, 'staff', row.timepoint, answered, correction.out_of_window_reason ?? row.out_of_window_reason ?? undefined)
      : row.out_of_window_reason;
    const birthYear = result.value.birth_year;
    if (typeof birthYear === 'number' && birthYear !== (JSON.parse(row.answers_json) as Answers).birth_year) refuseImplausible(workingAgeBirthYear('answers.birth_year', birthYear, answered));
    const scores = scoreResponse(row.form, result.value, getStudySettings(db).eq5dValueSetId);
    const before = snapshot(row);
    const after = { answers: result.value, scores, answered_on: answered, out_of_window_reason: windowReason };
    responses.correctResponse(db, row.id, { answersJson: JSON.stringify(result.value), scoresJson: scores ? JSON.stringify(scores) : null, answeredOn: answered, outOfWindowReason: windowReason }, new Date().toISOString());
    const view = recordCorrection(db, {
      kind: 'response', recordId: row.id, entity: 'response', entityId: row.client_uuid, participantId: participant.id, siteId: participant.site_id,
      before: { study_id: participant.study_id, timepoint: row.timepoint, form: row.form, ...before },
      after: { study_id: participant.study_id, timepoint: row.timepoint, form: row.form, ...after },
      reason: correction.reason, actor, part: correction.answered_on !== undefined && Object.keys(correction.answers).length === 0 ? 'answered_on' : 'answers',
    });
    return { response: viewResponse(responses.findResponseById(db, row.id)!), correction: view };
  });
}

export function responseCorrections(db: Db, user: Pick<UserRow, 'id' | 'role'>, clientUuid: string): { response: ResponseView; corrections: CorrectionView[] } {
  const row = visibleResponse(db, user, clientUuid);
  return { response: viewResponse(row), corrections: correctionsOfRecord(db, 'response', row.id) };
}
