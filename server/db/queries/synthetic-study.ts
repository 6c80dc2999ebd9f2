/**
 * Bulk inserts behind server/export/synthetic-study.ts: a generated trial
 * written straight into the operations tables (tests, the demo study and the
 * export benchmark). Plain prepared INSERTs, meant to run inside one
 * transaction; identifiers go through services/participant-identifiers.
 */
import type { Db } from '../connection';
import { statement } from './statement';

export function insertSyntheticParticipant(db: Db, p: { studyId: string; siteId: number; sequence: number; referralDate: string; referralJson: string; coachId: number | null; now: string }): number {
  return Number(statement(db,
    `INSERT INTO participants (study_id, site_id, site_sequence, referral_source, referral_date, on_waiting_list, referral_json, coach_id, created_at, updated_at)
     VALUES (?, ?, ?, 'psychiatry', ?, 0, ?, ?, ?, ?)`).run(p.studyId, p.siteId, p.sequence, p.referralDate, p.referralJson, p.coachId, p.now, p.now).lastInsertRowid);
}

export function insertSyntheticScreeningAndConsent(db: Db, id: number, screeningJson: string, consentJson: string, date: string, now: string): void {
  statement(db, `INSERT INTO screenings (participant_id, screening_date, eligible, not_eligible_reason, answers_json, created_at, updated_at) VALUES (?, ?, 1, NULL, ?, ?, ?)`).run(id, date, screeningJson, now, now);
  statement(db, `INSERT INTO consents (participant_id, consent_version, consent_date, consent_research, consent_info_exchange, answers_json, created_at, updated_at) VALUES (?, '1.0', ?, 1, 1, ?, ?, ?)`).run(id, date, consentJson, now, now);
}

export function insertSyntheticAllocation(db: Db, id: number, arm: string, stratum: string, position: number, randomizedOn: string, now: string): void {
  statement(db,
    `INSERT INTO allocations (participant_id, arm, method, stratum, stratum_position, factor_levels_json, seed_fingerprint, randomized_on, allocated_at)
     VALUES (?, ?, 'blocks', ?, ?, '{}', 'synthetic', ?, ?)`).run(id, arm, stratum, position, randomizedOn, now);
}

export function insertSyntheticResponse(db: Db, r: { uuid: string; participantId: number; timepoint: number; form: string; answersJson: string; complete: 0 | 1; at: string }): void {
  statement(db,
    `INSERT INTO responses (client_uuid, participant_id, timepoint, form, answers_json, revision, complete, scores_json, source, created_at, updated_at, completed_at, answered_on)
     VALUES (?, ?, ?, ?, ?, 1, ?, NULL, 'staff', ?, ?, ?, ?)`).run(r.uuid, r.participantId, r.timepoint, r.form, r.answersJson, r.complete, r.at, r.at, r.complete ? r.at : null, r.at.slice(0, 10));
}

export function insertSyntheticEpisode(db: Db, e: { participantId: number; type: string; start: string; end: string | null; answersJson: string; now: string }): void {
  statement(db,
    `INSERT INTO employment_episodes (participant_id, episode_type, episode_start_date, episode_end_date, answers_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(e.participantId, e.type, e.start, e.end, e.answersJson, e.now, e.now);
}

export function insertSyntheticTimeLog(db: Db, t: { staffId: number; siteId: number; participantId: number; date: string; role: string; activity: string; minutes: number; now: string }): void {
  statement(db,
    `INSERT INTO time_logs (staff_id, site_id, participant_id, log_scope, log_date, staff_role, activity, minutes, created_at, updated_at) VALUES (?, ?, ?, 'participant', ?, ?, ?, ?, ?, ?)`)
    .run(t.staffId, t.siteId, t.participantId, t.date, t.role, t.activity, t.minutes, t.now, t.now);
}

export function insertSyntheticWithdrawal(db: Db, id: number, date: string, dataUse: string, answersJson: string, now: string): void {
  statement(db, `INSERT INTO withdrawals (participant_id, withdrawal_date, withdrawal_data_use, answers_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(id, date, dataUse, answersJson, now, now);
}

export function insertSyntheticStatus(db: Db, id: number, date: string, stage: string, endedReason: string | null, answersJson: string, now: string): void {
  statement(db, `INSERT INTO process_statuses (participant_id, status_date, process_stage, ended_reason, answers_json, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(id, date, stage, endedReason, answersJson, now);
}

export function maxSiteSequence(db: Db, siteId: number): number {
  return (statement(db, 'SELECT COALESCE(max(site_sequence), 0) AS n FROM participants WHERE site_id = ?').get(siteId) as { n: number }).n;
}

export function maxStratumPosition(db: Db, stratum: string): number {
  return (statement(db, "SELECT COALESCE(max(stratum_position), -1) AS n FROM allocations WHERE method = 'blocks' AND stratum = ?").get(stratum) as { n: number }).n;
}

/** The indexes of `tables` (name and CREATE statement), dropped for a bulk load; `restoreIndexes` creates them again. */
export function dropIndexes(db: Db, tables: readonly string[]): { name: string; sql: string }[] {
  const placeholders = tables.map(() => '?').join(', ');
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders})`).all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  return indexes;
}

export function restoreIndexes(db: Db, indexes: readonly { name: string; sql: string }[]): void {
  for (const index of indexes) db.exec(index.sql);
}
