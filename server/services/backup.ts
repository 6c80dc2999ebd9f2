/**
 * A consistent copy of the live database (SQLite's online backup, safe while
 * the server runs), checked by opening the copy and running
 * `integrity_check` and the audit-chain verification on it. The backup is
 * recorded in the audit trail first, so the copy contains its own record; a
 * copy that fails is removed and recorded as `backup_failed` with the reason.
 * The copy is created readable by its owner only (0600).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, ownerOnly, type Db } from '../db/connection';
import { integrityCheck } from '../db/queries/maintenance';
import { recordAudit, verifyAudit, type AuditActor } from './audit';

export interface BackupResult {
  file: string;
  integrity: string;
  auditEntries: number;
  lastAuditHash: string;
}

export async function backupDatabase(db: Db, actor: AuditActor, target: string): Promise<BackupResult> {
  const file = path.resolve(target);
  if (existsSync(file)) throw new Error(`${file} already exists; choose a new file name`);
  recordAudit(db, { actor, action: 'backup', entity: 'database', after: { file: path.basename(file) } });
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    ownerOnly(file); // created empty with mode 0600 before SQLite writes the copy into it
    await db.backup(file);
    ownerOnly(file);
    const copy = openDatabase(file, { readonly: true });
    try {
      const integrity = integrityCheck(copy);
      const verdict = verifyAudit(copy);
      if (integrity !== 'ok') throw new Error(`the copy failed SQLite's integrity check: ${integrity}`);
      if (!verdict.ok) throw new Error(`the copy's audit trail is broken: ${verdict.message}`);
      return { file, integrity, auditEntries: verdict.entries, lastAuditHash: verdict.lastHash };
    } finally {
      copy.close();
    }
  } catch (error) {
    // a copy that failed is not a backup: removed, and the failure recorded beside the attempt
    try {
      rmSync(file, { force: true });
    } catch {
      // nothing was written there
    }
    try {
      recordAudit(db, { actor, action: 'backup_failed', entity: 'database', after: { file: path.basename(file), reason: (error as Error).message } });
    } catch {
      // the database itself cannot be written (disk full): the error below still reaches the user
    }
    throw error;
  }
}
