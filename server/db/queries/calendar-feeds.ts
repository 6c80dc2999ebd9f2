/** Queries on `calendar_feeds` (secret calendar URLs; only the token's SHA-256 is stored). */
import type { Db } from '../connection';
import { statement } from './statement';

export type CalendarScope = 'coach' | 'trial';
export type CalendarLang = 'sv' | 'da' | 'en';

export interface CalendarFeedRow {
  id: number;
  user_id: number;
  scope: CalendarScope;
  lang: CalendarLang;
  created_at: string;
  revoked_at: string | null;
}

const COLUMNS = 'id, user_id, scope, lang, created_at, revoked_at';

export function insertCalendarFeed(db: Db, row: { userId: number; scope: CalendarScope; lang: CalendarLang; tokenHash: string; now: string }): CalendarFeedRow {
  return statement(db, `INSERT INTO calendar_feeds (user_id, scope, lang, token_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING ${COLUMNS}`).get(
    row.userId,
    row.scope,
    row.lang,
    row.tokenHash,
    row.now,
  ) as CalendarFeedRow;
}

/** The feed in use with this token hash (revoked feeds are not found). */
export function findFeedInUse(db: Db, tokenHash: string): CalendarFeedRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM calendar_feeds WHERE token_hash = ? AND revoked_at IS NULL`).get(tokenHash) as CalendarFeedRow | undefined;
}

export function findFeedOfUser(db: Db, userId: number, feedId: number): CalendarFeedRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM calendar_feeds WHERE id = ? AND user_id = ?`).get(feedId, userId) as CalendarFeedRow | undefined;
}

/** The staff member's feed in use, if any. */
export function feedInUseOfUser(db: Db, userId: number): CalendarFeedRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM calendar_feeds WHERE user_id = ? AND revoked_at IS NULL`).get(userId) as CalendarFeedRow | undefined;
}

export function revokeCalendarFeed(db: Db, feedId: number, now: string): void {
  statement(db, 'UPDATE calendar_feeds SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, feedId);
}
