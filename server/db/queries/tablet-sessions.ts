/** Queries on `tablet_sessions` and `home_codes`. */
import type { Db } from '../connection';
import { statement } from './statement';

export interface TabletSessionRow {
  token_hash: string;
  participant_id: number;
  kind: 'clinic' | 'home';
  opened_by: number | null;
  pin_hash: string | null;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  closed_at: string | null;
}

export function insertTabletSession(db: Db, row: Omit<TabletSessionRow, 'closed_at'>): void {
  statement(
    db,
    'INSERT INTO tablet_sessions (token_hash, participant_id, kind, opened_by, pin_hash, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(row.token_hash, row.participant_id, row.kind, row.opened_by, row.pin_hash, row.csrf_token, row.created_at, row.expires_at);
}

export function findOpenTabletSession(db: Db, tokenHash: string, now: string): TabletSessionRow | undefined {
  return statement(
    db,
    'SELECT token_hash, participant_id, kind, opened_by, pin_hash, csrf_token, created_at, expires_at, closed_at FROM tablet_sessions WHERE token_hash = ? AND closed_at IS NULL AND expires_at > ?',
  ).get(tokenHash, now) as TabletSessionRow | undefined;
}

/** A tablet session by its token hash, open, closed or expired (for delivering answers given in it). */
export function findTabletSessionByTokenHash(db: Db, tokenHash: string): TabletSessionRow | undefined {
  return statement(
    db,
    'SELECT token_hash, participant_id, kind, opened_by, pin_hash, csrf_token, created_at, expires_at, closed_at FROM tablet_sessions WHERE token_hash = ?',
  ).get(tokenHash) as TabletSessionRow | undefined;
}

export function closeTabletSession(db: Db, tokenHash: string, now: string): void {
  statement(db, 'UPDATE tablet_sessions SET closed_at = ? WHERE token_hash = ? AND closed_at IS NULL').run(now, tokenHash);
}

export function insertHomeCode(db: Db, row: { codeHash: string; participantId: number; createdBy: number | null; createdAt: string; expiresAt: string }): void {
  statement(db, 'INSERT INTO home_codes (code_hash, participant_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    row.codeHash,
    row.participantId,
    row.createdBy,
    row.createdAt,
    row.expiresAt,
  );
}

/** Marks an unused, unexpired code used; returns its participant or undefined. */
export function redeemHomeCode(db: Db, codeHash: string, now: string): number | undefined {
  const row = statement(db, 'SELECT participant_id FROM home_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?').get(codeHash, now) as
    | { participant_id: number }
    | undefined;
  if (!row) return undefined;
  statement(db, 'UPDATE home_codes SET used_at = ? WHERE code_hash = ?').run(now, codeHash);
  return row.participant_id;
}

/** Ends the unused, unexpired home codes one staff member made (they expire now); returns how many. */
export function expireHomeCodesOf(db: Db, userId: number, now: string): number {
  return statement(db, 'UPDATE home_codes SET expires_at = ? WHERE created_by = ? AND used_at IS NULL AND expires_at > ?').run(now, userId, now).changes;
}
