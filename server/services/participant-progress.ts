/**
 * Employment/education episodes and process status of a participant. Episodes
 * are a list (each row one job, study or work trial; editing one after its
 * first entry needs a reason); process status is an append-only history,
 * the current status being the latest.
 */
import type { Db } from '../db/connection';
import * as episodes from '../db/queries/employment-episodes';
import type { ParticipantRow } from '../db/queries/participants';
import * as statuses from '../db/queries/process-statuses';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { validateForm } from '../../data-dictionary/validate';
import { recordAudit, requireReasonForChange, type AuditActor } from './audit';
import { notBefore, plausibleAfter, refuseImplausible } from './date-plausibility';
import type { Answers } from './operations-forms';
import { mergePatch, recordCorrection, type CorrectionView } from './record-corrections';

const followsReferral = (participant: ParticipantRow) => ({ limit: participant.referral_date, code: 'before_referral' as const, event: 'referral' });

/** An episode starts from the referral on, ends not before it starts, and neither date is in the future. */
function checkDates(participant: ParticipantRow, answers: Answers, clock: Date): void {
  const start = String(answers.episode_start_date);
  const end = typeof answers.episode_end_date === 'string' ? answers.episode_end_date : null;
  refuseImplausible(
    plausibleAfter('episode.episode_start_date', start, clock, followsReferral(participant)),
    end === null ? null : plausibleAfter('episode.episode_end_date', end, clock),
    end === null ? null : notBefore('episode.episode_end_date', end, start, 'before_start', 'episode start'),
  );
}

export function viewEpisode(row: episodes.EpisodeRow) {
  return { id: row.id, participantId: row.participant_id, ...(JSON.parse(row.answers_json) as Answers), createdAt: row.created_at, updatedAt: row.updated_at };
}

export function addEpisode(db: Db, actor: AuditActor, participant: ParticipantRow, answers: Answers, clock: Date = new Date()) {
  checkDates(participant, answers, clock);
  return inTransaction(db, () => {
    const id = episodes.insertEpisode(db, { participantId: participant.id, type: String(answers.episode_type), start: String(answers.episode_start_date), end: (answers.episode_end_date as string | undefined) ?? null, answersJson: JSON.stringify(answers) }, actor.id, new Date().toISOString());
    recordAudit(db, { actor, action: 'create', entity: 'employment_episode', entityId: id, after: { study_id: participant.study_id, ...answers } });
    return viewEpisode(episodes.findEpisode(db, id)!);
  });
}

/** Validates a whole corrected form as a new one would be (400 naming `<part>.<field>`). */
function validated(form: string, part: string, answers: Answers): Answers {
  const result = validateForm(form, answers);
  if (!result.ok) throw problems.invalidBody(result.errors.map((e) => ({ field: e.field ? `${part}.${e.field}` : part, message: e.message })));
  return result.value;
}

function episodeOf(db: Db, participant: ParticipantRow, id: number): episodes.EpisodeRow {
  const row = episodes.findEpisode(db, id);
  if (!row || row.participant_id !== participant.id) throw problems.notFound('employment episode', id);
  return row;
}

function replaceEpisode(db: Db, actor: AuditActor, participant: ParticipantRow, before: episodes.EpisodeRow, answers: Answers, reason: string, clock: Date): { episode: ReturnType<typeof viewEpisode>; correction: CorrectionView } {
  checkDates(participant, answers, clock);
  episodes.updateEpisode(db, before.id, { type: String(answers.episode_type), start: String(answers.episode_start_date), end: (answers.episode_end_date as string | undefined) ?? null, answersJson: JSON.stringify(answers) }, actor.id, new Date().toISOString());
  const correction = recordCorrection(db, { kind: 'employment_episode', recordId: before.id, entity: 'employment_episode', entityId: before.id, participantId: participant.id, siteId: participant.site_id, before: JSON.parse(before.answers_json) as Answers, after: answers, reason, actor, part: 'episode' });
  return { episode: viewEpisode(episodes.findEpisode(db, before.id)!), correction };
}

/** PUT: the whole episode replaced (reason required); the earlier one stays in record_corrections. */
export function updateEpisode(db: Db, actor: AuditActor, participant: ParticipantRow, id: number, answers: Answers, reason: string | undefined, clock: Date = new Date()) {
  return inTransaction(db, () => {
    const before = episodeOf(db, participant, id);
    const checkedReason = requireReasonForChange(JSON.parse(before.answers_json), reason)!;
    return replaceEpisode(db, actor, participant, before, answers, checkedReason, clock).episode;
  });
}

/** POST …/corrections: the changed fields only (`null` clears one, e.g. an end date set by mistake); ending an episode is a correction of episode_end_date. */
export function correctEpisode(db: Db, actor: AuditActor, participant: ParticipantRow, id: number, patch: Answers, reason: string, clock: Date = new Date()) {
  return inTransaction(db, () => {
    const before = episodeOf(db, participant, id);
    const answers = validated('employment_episode', 'episode', mergePatch(JSON.parse(before.answers_json) as Answers, patch));
    return replaceEpisode(db, actor, participant, before, answers, reason, clock);
  });
}

/** Deletes an episode entered by mistake (reason required); it stays in record_corrections and the audit trail. */
export function deleteEpisode(db: Db, actor: AuditActor, participant: ParticipantRow, id: number, reason: string): void {
  inTransaction(db, () => {
    const before = episodeOf(db, participant, id);
    episodes.deleteEpisode(db, id);
    recordCorrection(db, { kind: 'employment_episode', recordId: id, entity: 'employment_episode', entityId: id, participantId: participant.id, siteId: participant.site_id, before: { study_id: participant.study_id, ...(JSON.parse(before.answers_json) as Answers) }, after: null, reason, actor, part: 'episode' });
  });
}

export function listEpisodes(db: Db, participantId: number) {
  return episodes.listEpisodes(db, participantId).map(viewEpisode);
}

export function viewStatus(row: statuses.ProcessStatusRow) {
  return { id: row.id, participantId: row.participant_id, ...(JSON.parse(row.answers_json) as Answers), createdAt: row.created_at };
}

/** A status is dated from the referral on, never ahead; ended_reason exactly when the stage is ended. */
function checkStatus(participant: ParticipantRow, answers: Answers, clock: Date): void {
  refuseImplausible(plausibleAfter('status.status_date', String(answers.status_date), clock, followsReferral(participant)));
  if (answers.process_stage === 'ended' && answers.ended_reason === undefined) {
    throw problems.invalidBody([{ field: 'status.ended_reason', message: 'ended_reason is required when process_stage is ended' }]);
  }
  if (answers.process_stage !== 'ended' && answers.ended_reason !== undefined) {
    throw problems.invalidBody([{ field: 'status.ended_reason', message: 'ended_reason is only for process_stage ended' }]);
  }
}

export function addStatus(db: Db, actor: AuditActor, participant: ParticipantRow, answers: Answers, clock: Date = new Date()) {
  checkStatus(participant, answers, clock);
  return inTransaction(db, () => {
    const id = statuses.insertStatus(db, { participantId: participant.id, date: String(answers.status_date), stage: String(answers.process_stage), endedReason: (answers.ended_reason as string | undefined) ?? null, answersJson: JSON.stringify(answers) }, actor.id, new Date().toISOString());
    recordAudit(db, { actor, action: 'create', entity: 'process_status', entityId: id, after: { study_id: participant.study_id, ...answers } });
    return viewStatus(statuses.listStatuses(db, participant.id).find((s) => s.id === id)!);
  });
}

export function statusHistory(db: Db, participantId: number) {
  const history = statuses.listStatuses(db, participantId).map(viewStatus);
  return { current: history.at(-1) ?? null, history };
}

/** Corrects one status of the history (the changed fields; `null` clears one, e.g. ended_reason when the stage was not ended). */
export function correctStatus(db: Db, actor: AuditActor, participant: ParticipantRow, id: number, patch: Answers, reason: string, clock: Date = new Date()) {
  return inTransaction(db, () => {
    const before = statuses.findStatus(db, id);
    if (!before || before.participant_id !== participant.id) throw problems.notFound('process status', id);
    const answers = validated('process_status', 'status', mergePatch(JSON.parse(before.answers_json) as Answers, patch));
    checkStatus(participant, answers, clock);
    statuses.correctStatus(db, id, { date: String(answers.status_date), stage: String(answers.process_stage), endedReason: (answers.ended_reason as string | undefined) ?? null, answersJson: JSON.stringify(answers) }, actor.id);
    const correction = recordCorrection(db, { kind: 'process_status', recordId: id, entity: 'process_status', entityId: id, participantId: participant.id, siteId: participant.site_id, before: JSON.parse(before.answers_json) as Answers, after: answers, reason, actor, part: 'status' });
    return { status: viewStatus(statuses.findStatus(db, id)!), correction };
  });
}
