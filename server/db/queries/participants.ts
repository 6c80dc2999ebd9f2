/** Queries on `participants` (research side; identifiers are elsewhere). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface ParticipantRow {
  id: number;
  study_id: string;
  site_id: number;
  site_code: string;
  site_sequence: number;
  referral_source: string;
  referral_date: string;
  on_waiting_list: number;
  referral_json: string;
  coach_id: number | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT p.id, p.study_id, p.site_id, s.code AS site_code, p.site_sequence, p.referral_source, p.referral_date,
  p.on_waiting_list, p.referral_json, p.coach_id, p.created_at, p.updated_at
  FROM participants p JOIN sites s ON s.id = p.site_id`;

export function findParticipant(db: Db, id: number): ParticipantRow | undefined {
  return statement(db, `${SELECT} WHERE p.id = ?`).get(id) as ParticipantRow | undefined;
}

export function findParticipantByStudyId(db: Db, studyId: string): ParticipantRow | undefined {
  return statement(db, `${SELECT} WHERE p.study_id = ?`).get(studyId) as ParticipantRow | undefined;
}

/** Participants of the given sites (all sites when `siteIds` is null). */
export function listParticipants(db: Db, siteIds: number[] | null): ParticipantRow[] {
  const rows = statement(db, `${SELECT} ORDER BY s.code, p.site_sequence`).all() as ParticipantRow[];
  if (siteIds === null) return rows;
  const allowed = new Set(siteIds);
  return rows.filter((row) => allowed.has(row.site_id));
}

export function nextSiteSequence(db: Db, siteId: number): number {
  const row = statement(db, 'SELECT COALESCE(MAX(site_sequence), 0) + 1 AS next FROM participants WHERE site_id = ?').get(siteId) as { next: number };
  return row.next;
}

export interface NewParticipant {
  studyId: string;
  siteId: number;
  siteSequence: number;
  referralSource: string;
  referralDate: string;
  onWaitingList: boolean;
  referralJson: string;
  coachId: number | null;
}

export function insertParticipant(db: Db, p: NewParticipant, now: string): number {
  const result = statement(
    db,
    `INSERT INTO participants (study_id, site_id, site_sequence, referral_source, referral_date, on_waiting_list, referral_json, coach_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.studyId, p.siteId, p.siteSequence, p.referralSource, p.referralDate, p.onWaitingList ? 1 : 0, p.referralJson, p.coachId, now, now);
  return Number(result.lastInsertRowid);
}

export function updateReferral(db: Db, id: number, p: Pick<NewParticipant, 'referralSource' | 'referralDate' | 'onWaitingList' | 'referralJson'>, now: string): void {
  statement(db, 'UPDATE participants SET referral_source = ?, referral_date = ?, on_waiting_list = ?, referral_json = ?, updated_at = ? WHERE id = ?').run(
    p.referralSource,
    p.referralDate,
    p.onWaitingList ? 1 : 0,
    p.referralJson,
    now,
    id,
  );
}

export function setCoach(db: Db, id: number, coachId: number | null, now: string): void {
  statement(db, 'UPDATE participants SET coach_id = ?, updated_at = ? WHERE id = ?').run(coachId, now, id);
}
