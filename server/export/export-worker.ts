/**
 * Worker thread of a web export: opens the database file read-only (WAL lets
 * it read while the server writes), writes the export folder and posts the
 * manifest (or the error) back to services/exports.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { exportDataset, type ExportOptions } from './export-dataset';

const { dbFile, secretsDir, folder, options, software } = workerData as { dbFile: string; secretsDir: string; folder: string; options: ExportOptions; software: string };
try {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    parentPort!.postMessage({ manifest: exportDataset(db, secretsDir, folder, options, software) });
  } finally {
    db.close();
  }
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
