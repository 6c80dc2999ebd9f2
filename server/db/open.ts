/** Opens the database file and brings its schema up to date: what every command and the server start with. */
import { existsSync } from 'node:fs';
import { openDatabase, type Db } from './connection';
import { migrate } from './migrate';
import { quickCheck } from './queries/maintenance';

/** Thrown when the file is not a sound SQLite database; its message is the one line to print. */
export class DamagedDatabase extends Error {}

function damaged(file: string, what: string): DamagedDatabase {
  return new DamagedDatabase(`${file} ${what}; stop here and bring back the last good backup with \`ips-trial restore <backup> --db ${file}\` (docs/operations.md)`);
}

/**
 * `check: true` (the server's start) runs SQLite's quick check on an existing
 * file before anything is migrated or written, and refuses a damaged one.
 */
export function openMigratedDatabase(file: string, options: { check?: boolean } = {}): Db {
  const existed = existsSync(file);
  let db: Db;
  try {
    db = openDatabase(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw damaged(file, `is not a readable SQLite database (${(error as Error).message})`);
    throw error;
  }
  try {
    if (options.check && existed) {
      const verdict = quickCheck(db);
      if (verdict !== 'ok') throw damaged(file, `failed SQLite's quick check (${verdict.slice(0, 200)})`);
    }
    migrate(db);
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw damaged(file, `is damaged (${(err as Error).message})`);
    throw err;
  }
  return db;
}
