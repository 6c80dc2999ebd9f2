/** Queries on `user_totp` (the TOTP second factor of staff accounts; the secret only encrypted). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface UserTotpRow {
  user_id: number;
  secret_ciphertext: string;
  state: 'pending' | 'active';
  last_step: number;
  created_at: string;
  confirmed_at: string | null;
}

export function findUserTotp(db: Db, userId: number): UserTotpRow | undefined {
  return statement(db, 'SELECT user_id, secret_ciphertext, state, last_step, created_at, confirmed_at FROM user_totp WHERE user_id = ?').get(userId) as UserTotpRow | undefined;
}

/** Starts (or restarts) an enrolment: a pending row with a new secret, replacing a pending one. */
export function upsertPendingTotp(db: Db, userId: number, secretCiphertext: string, now: string): void {
  statement(
    db,
    `INSERT INTO user_totp (user_id, secret_ciphertext, state, last_step, created_at, confirmed_at) VALUES (?, ?, 'pending', 0, ?, NULL)
     ON CONFLICT (user_id) DO UPDATE SET secret_ciphertext = excluded.secret_ciphertext, state = 'pending', last_step = 0, created_at = excluded.created_at, confirmed_at = NULL
     WHERE user_totp.state = 'pending'`,
  ).run(userId, secretCiphertext, now);
}

/** Makes a pending enrolment active, recording the step of the confirming code; false when it was not pending. */
export function activateTotp(db: Db, userId: number, step: number, now: string): boolean {
  return statement(db, "UPDATE user_totp SET state = 'active', confirmed_at = ?, last_step = ? WHERE user_id = ? AND state = 'pending'").run(now, step, userId).changes === 1;
}

/** Records the use of `step` when it is later than any used before; false for a replayed (or older) step. */
export function useTotpStep(db: Db, userId: number, step: number): boolean {
  return statement(db, "UPDATE user_totp SET last_step = ? WHERE user_id = ? AND state = 'active' AND last_step < ?").run(step, userId, step).changes === 1;
}

export function deleteUserTotp(db: Db, userId: number): boolean {
  return statement(db, 'DELETE FROM user_totp WHERE user_id = ?').run(userId).changes === 1;
}

/** Ids of the users whose second factor is active. */
export function activeTotpUserIds(db: Db): number[] {
  return (statement(db, "SELECT user_id FROM user_totp WHERE state = 'active' ORDER BY user_id").all() as { user_id: number }[]).map((r) => r.user_id);
}
