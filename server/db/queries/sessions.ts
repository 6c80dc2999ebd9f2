/** Queries on `sessions` and `login_failures`. */
import type { Db } from '../connection';
import { statement } from './statement';

export interface SessionRow {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export function insertSession(db: Db, s: SessionRow): void {
  statement(
    db,
    'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at);
}

export function findSession(db: Db, tokenHash: string): SessionRow | undefined {
  return statement(
    db,
    'SELECT token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at FROM sessions WHERE token_hash = ?',
  ).get(tokenHash) as SessionRow | undefined;
}

export function touchSession(db: Db, tokenHash: string, now: string): void {
  statement(db, 'UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash);
}

export function deleteSession(db: Db, tokenHash: string): void {
  statement(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function deleteSessionsOfUser(db: Db, userId: number, exceptTokenHash = ''): void {
  statement(db, 'DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?').run(userId, exceptTokenHash);
}

export function deleteExpiredSessions(db: Db, now: string): void {
  statement(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now);
}

export function insertLoginFailure(db: Db, f: { emailKey: string; ip: string; at: string }): void {
  statement(db, 'INSERT INTO login_failures (email_key, ip, at) VALUES (?, ?, ?)').run(f.emailKey, f.ip, f.at);
}

/** Failures for one email since `since`, with the time of the latest. */
export function failuresForEmail(db: Db, emailKey: string, since: string): { n: number; last: string | null } {
  return statement(db, 'SELECT count(*) AS n, max(at) AS last FROM login_failures WHERE email_key = ? AND at > ?').get(
    emailKey,
    since,
  ) as { n: number; last: string | null };
}

/** Failures for one email from one address since `since`, with the time of the latest. */
export function failuresForPair(db: Db, emailKey: string, ip: string, since: string): { n: number; last: string | null } {
  return statement(db, 'SELECT count(*) AS n, max(at) AS last FROM login_failures WHERE email_key = ? AND ip = ? AND at > ?').get(
    emailKey,
    ip,
    since,
  ) as { n: number; last: string | null };
}

export function failuresForIp(db: Db, ip: string, since: string): { n: number; first: string | null } {
  return statement(db, 'SELECT count(*) AS n, min(at) AS first FROM login_failures WHERE ip = ? AND at > ?').get(
    ip,
    since,
  ) as { n: number; first: string | null };
}

export function clearFailuresForEmail(db: Db, emailKey: string): void {
  statement(db, 'DELETE FROM login_failures WHERE email_key = ?').run(emailKey);
}

export function deleteOldFailures(db: Db, before: string): void {
  statement(db, 'DELETE FROM login_failures WHERE at <= ?').run(before);
}
