/**
 * Worker thread of `GET /api/audit/verify`: opens the database file
 * read-only (WAL lets it read while the server writes), walks the hash chain
 * and posts the verdict (or the error) back to services/audit-verification.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { verifyAudit } from './audit';

const { dbFile } = workerData as { dbFile: string };
try {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    parentPort!.postMessage({ verdict: verifyAudit(db) });
  } finally {
    db.close();
  }
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
