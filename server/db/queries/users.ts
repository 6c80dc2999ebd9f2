/** Queries on `users` (staff accounts). */
import type { Db } from '../connection';
import { statement } from './statement';

export type Role = 'admin' | 'trial_manager' | 'coach' | 'evaluator' | 'data_monitor';
export const ROLES: readonly Role[] = ['admin', 'trial_manager', 'coach', 'evaluator', 'data_monitor'];

export interface UserRow {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

const COLUMNS = 'id, email, display_name, role, password_hash, active, created_at, updated_at, password_changed_at';

export function findUserById(db: Db, id: number): UserRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM users WHERE email = ? COLLATE NOCASE`).get(email) as UserRow | undefined;
}

export function listUsers(db: Db): UserRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM users ORDER BY id`).all() as UserRow[];
}

export function countUsers(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function insertUser(
  db: Db,
  user: { email: string; displayName: string; role: Role; passwordHash: string; now: string },
): number {
  const result = statement(
    db,
    `INSERT INTO users (email, display_name, role, password_hash, active, created_at, updated_at, password_changed_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(user.email, user.displayName, user.role, user.passwordHash, user.now, user.now, user.now);
  return Number(result.lastInsertRowid);
}

export function updateUser(
  db: Db,
  id: number,
  changes: { displayName: string; role: Role; active: 0 | 1; now: string },
): void {
  statement(db, 'UPDATE users SET display_name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?').run(
    changes.displayName,
    changes.role,
    changes.active,
    changes.now,
    id,
  );
}

export function updatePasswordHash(db: Db, id: number, passwordHash: string, now: string): void {
  statement(db, 'UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?').run(
    passwordHash,
    now,
    now,
    id,
  );
}
