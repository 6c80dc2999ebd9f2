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
import { recordAudit, requireReasonForChange, type AuditActor } from './audit';
import { notBefore, plausibleAfter, refuseImplausible } from './date-plausibility';
import type { Answers } from './operations-forms';

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

export function updateEpisode(db: Db, actor: AuditActor, participant: ParticipantRow, id: number, answers: Answers, reason: string | undefined, clock: Date = new Date()) {
  return inTransaction(db, () => {
    const before = episodes.findEpisode(db, id);
    if (!before || before.participant_id !== participant.id) throw problems.notFound('employment episode', id);
    checkDates(participant, answers, clock);
    const checkedReason = requireReasonForChange(JSON.parse(before.answers_json), reason);
    episodes.updateEpisode(db, id, { type: String(answers.episode_type), start: String(answers.episode_start_date), end: (answers.episode_end_date as string | undefined) ?? null, answersJson: JSON.stringify(answers) }, actor.id, new Date().toISOString());
    recordAudit(db, { actor, action: 'update', entity: 'employment_episode', entityId: id, before: JSON.parse(before.answers_json), after: answers, reason: checkedReason });
    return viewEpisode(episodes.findEpisode(db, id)!);
  });
}

export function listEpisodes(db: Db, participantId: number) {
  return episodes.listEpisodes(db, participantId).map(viewEpisode);
}

export function viewStatus(row: statuses.ProcessStatusRow) {
  return { id: row.id, participantId: row.participant_id, ...(JSON.parse(row.answers_json) as Answers), createdAt: row.created_at };
}

export function addStatus(db: Db, actor: AuditActor, participant: ParticipantRow, answers: Answers, clock: Date = new Date()) {
  refuseImplausible(plausibleAfter('status.status_date', String(answers.status_date), clock, followsReferral(participant)));
  if (answers.process_stage === 'ended' && answers.ended_reason === undefined) {
    throw problems.invalidBody([{ field: 'status.ended_reason', message: 'ended_reason is required when process_stage is ended' }]);
  }
  if (answers.process_stage !== 'ended' && answers.ended_reason !== undefined) {
    throw problems.invalidBody([{ field: 'status.ended_reason', message: 'ended_reason is only for process_stage ended' }]);
  }
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
