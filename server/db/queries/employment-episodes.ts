/** Queries on `employment_episodes`. */
import type { Db } from '../connection';
import { statement } from './statement';

export interface EpisodeRow {
  id: number;
  participant_id: number;
  episode_type: string;
  episode_start_date: string;
  episode_end_date: string | null;
  answers_json: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, participant_id, episode_type, episode_start_date, episode_end_date, answers_json, created_at, updated_at';

export function listEpisodes(db: Db, participantId: number): EpisodeRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM employment_episodes WHERE participant_id = ? ORDER BY episode_start_date, id`).all(participantId) as EpisodeRow[];
}

export function findEpisode(db: Db, id: number): EpisodeRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM employment_episodes WHERE id = ?`).get(id) as EpisodeRow | undefined;
}

export function insertEpisode(db: Db, row: { participantId: number; type: string; start: string; end: string | null; answersJson: string }, by: number | null, now: string): number {
  const result = statement(
    db,
    'INSERT INTO employment_episodes (participant_id, episode_type, episode_start_date, episode_end_date, answers_json, recorded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(row.participantId, row.type, row.start, row.end, row.answersJson, by, now, now);
  return Number(result.lastInsertRowid);
}

export function updateEpisode(db: Db, id: number, row: { type: string; start: string; end: string | null; answersJson: string }, by: number | null, now: string): void {
  statement(db, 'UPDATE employment_episodes SET episode_type = ?, episode_start_date = ?, episode_end_date = ?, answers_json = ?, recorded_by = ?, updated_at = ? WHERE id = ?').run(
    row.type,
    row.start,
    row.end,
    row.answersJson,
    by,
    now,
    id,
  );
}

export function deleteEpisode(db: Db, id: number): void {
  statement(db, 'DELETE FROM employment_episodes WHERE id = ?').run(id);
}
