/**
 * Opens the trial's SQLite file. Settings (see docs/database.md):
 * WAL journal, `synchronous = FULL` so that a transaction whose commit has
 * returned (and so any "saved" answer) is on disk before the response is sent
 * and survives a process or power crash; foreign keys enforced; a busy
 * timeout so the CLI and the server can share the file.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  if (!options.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
