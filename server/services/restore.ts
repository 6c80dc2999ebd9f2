/**
 * Bringing back a backup (`ips-trial restore <backup>`): refused while a
 * server holds the database; the backup must pass SQLite's integrity check,
 * the audit-chain verification and match the keys of the secrets folder
 * (their check values) first; the live file is not overwritten
 * but kept aside as `<database>.before-restore-<time>`; the backup is copied
 * beside the database (SQLite's backup API, file 0600) and renamed into
 * place in one step, so a crash leaves either the old or the new file, never
 * half of one; the restore is then recorded in the restored audit trail.
 */
import { chmodSync, existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { openMigratedDatabase } from '../db/open';
import { checkpointIntoFile, integrityCheck } from '../db/queries/maintenance';
import { hasSecretChecksTable } from '../db/queries/secret-checks';
import type { Config } from '../config';
import { checkTrialSecrets, SecretProblem } from '../secrets';
import { serverHolding } from '../db/server-lock';
import { recordAudit, verifyAudit, type AuditActor } from './audit';

export interface RestoreResult {
  restoredFrom: string;
  /** where the file that was live before now lies (null: there was none) */
  keptAside: string | null;
  auditEntries: number;
}

/** Thrown for a restore that must not go ahead; its message is the one line to print. */
export class RestoreRefused extends Error {}

function checkBackup(file: string, secretsDir: string): void {
  if (!existsSync(file)) throw new RestoreRefused(`backup ${file} does not exist`);
  let copy;
  try {
    copy = openDatabase(file, { readonly: true });
  } catch (error) {
    throw new RestoreRefused(`backup ${file} is not a readable SQLite database (${(error as Error).message}); choose another backup`);
  }
  try {
    const integrity = integrityCheck(copy);
    if (integrity !== 'ok') throw new RestoreRefused(`backup ${file} failed SQLite's integrity check (${integrity}); choose another backup`);
    const verdict = verifyAudit(copy);
    if (!verdict.ok) throw new RestoreRefused(`backup ${file} has a broken audit trail (${verdict.message}); choose another backup`);
    // the keys in the secrets folder must be the ones this backup was made with (check values, server/secrets.ts)
    if (hasSecretChecksTable(copy)) checkTrialSecrets(copy, secretsDir);
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    if (error instanceof SecretProblem) throw new RestoreRefused(`backup ${file} does not match the secrets folder: ${error.message}`);
    throw new RestoreRefused(`backup ${file} cannot be checked (${(error as Error).message}); choose another backup`);
  } finally {
    copy.close();
  }
}

export async function restoreDatabase(config: Pick<Config, 'dbFile' | 'secretsDir'>, backupFile: string, actor: AuditActor, now = new Date()): Promise<RestoreResult> {
  const live = path.resolve(config.dbFile);
  const backup = path.resolve(backupFile);
  if (backup === live) throw new RestoreRefused(`${backup} is the live database itself; name a backup file`);
  const server = serverHolding(live);
  if (server !== null) throw new RestoreRefused(`a server (process ${server}) is using ${live}; stop it first, then restore`);
  checkBackup(backup, config.secretsDir);

  const incoming = `${live}.restoring`;
  rmSync(incoming, { force: true });
  const source = openDatabase(backup, { readonly: true });
  try {
    await source.backup(incoming);
  } finally {
    source.close();
  }
  chmodSync(incoming, 0o600);

  let keptAside: string | null = null;
  if (existsSync(live)) {
    // fold the write-ahead log into the file so the file kept aside is complete on its own
    const old = openDatabase(live);
    try {
      checkpointIntoFile(old);
    } finally {
      old.close();
    }
    keptAside = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    // a second name for the old file, then one rename over the live name: at every moment the live name is a whole file
    linkSync(live, keptAside);
  }
  renameSync(incoming, live);

  const db = openMigratedDatabase(live);
  try {
    recordAudit(db, { actor, action: 'restore', entity: 'database', after: { from: path.basename(backup), keptAside: keptAside && path.basename(keptAside) } });
    const verdict = verifyAudit(db);
    return { restoredFrom: backup, keptAside, auditEntries: verdict.entries };
  } finally {
    db.close();
  }
}
