/**
 * Opening the trial database: the file, its schema brought up to date, and
 * the secret keys checked against it (server/secrets.ts). What the server
 * and every command that touches the database start with.
 */
import type { Config } from '../config';
import { checkTrialSecrets } from '../secrets';
import { openDatabase, type Db } from './connection';
import { hasSecretChecksTable } from './queries/secret-checks';
import { migrate } from './migrate';

/** Opens the file and applies pending migrations (no secret check: for `migrate` and tests of the schema). */
export function openMigratedDatabase(file: string): Db {
  const db = openDatabase(file);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Opens, migrates and checks the secrets; throws a one-line SecretProblem when a key is missing, damaged or from another database. */
export function openTrialDatabase(config: Pick<Config, 'dbFile' | 'secretsDir'>): Db {
  const db = openMigratedDatabase(config.dbFile);
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
