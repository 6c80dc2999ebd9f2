/**
 * Opens the trial's SQLite file. Settings (see docs/database.md):
 * WAL journal, `synchronous = FULL` so that a transaction whose commit has
 * returned (and so any "saved" answer) is on disk before the response is sent
 * and survives a process or power crash; foreign keys enforced; a busy
 * timeout so the CLI and the server can share the file. The file (and its
 * -wal and -shm companions) is readable by its owner only (0600): it holds
 * research data and encrypted identifiers.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/** Creates `file` with mode 0600 when missing, and narrows an existing one we own to 0600. */
export function ownerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  try {
    chmodSync(file, 0o600);
  } catch {
    // not our file (another account runs the server): leave its mode to its owner
  }
}

export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  if (!options.readonly) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    if (file !== ':memory:') ownerOnly(file);
  }
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // SQLite gives -wal and -shm the database file's mode; narrowed here too in case they were made earlier
    for (const companion of [`${file}-wal`, `${file}-shm`]) if (file !== ':memory:' && existsSync(companion)) ownerOnly(companion);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
