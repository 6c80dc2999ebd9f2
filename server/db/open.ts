/**
 * Opening the trial database: the file (at the server's start first checked
 * with SQLite's quick check), its schema brought up to date, and the secret
 * keys checked against it (server/secrets.ts). What the server and every
 * command that touches the database start with.
 */
import { existsSync } from 'node:fs';
import type { Config } from '../config';
import { checkTrialSecrets } from '../secrets';
import { openDatabase, type Db } from './connection';
import { hasSecretChecksTable } from './queries/secret-checks';
import { migrate } from './migrate';
import { quickCheck } from './queries/maintenance';

/** Thrown when the file is not a sound SQLite database; its message is the one line to print. */
export class DamagedDatabase extends Error {}

function damaged(file: string, what: string): DamagedDatabase {
  return new DamagedDatabase(`${file} ${what}; stop here and bring back the last good backup with \`ips-trial restore <backup> --db ${file}\` (docs/operations.md)`);
}

/**
 * Opens the file and applies pending migrations (no secret check: for
 * `migrate` and tests of the schema). `check: true` (the server's start) runs SQLite's quick check on an existing
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

/** Opens, migrates and checks the secrets; throws a one-line SecretProblem when a key is missing, damaged or from another database. */
export function openTrialDatabase(config: Pick<Config, 'dbFile' | 'secretsDir'>, options: { check?: boolean } = {}): Db {
  const db = openMigratedDatabase(config.dbFile, options);
  try {
    checkTrialSecrets(db, config.secretsDir);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Opens an existing database read-only and checks the keys it has check values for (nothing is recorded or made). */
export function openTrialDatabaseReadonly(config: Pick<Config, 'dbFile' | 'secretsDir'>): Db {
  const db = openDatabase(config.dbFile, { readonly: true });
  try {
    if (hasSecretChecksTable(db)) checkTrialSecrets(db, config.secretsDir);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
