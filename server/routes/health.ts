/**
 * `GET /api/health`: version, database status and whether this is the demo
 * study. Public. 200 only when the database answers AND can be written now
 * (server/db/storage-health.ts); otherwise 503 with `database` naming the
 * state (disk_full, read_only, replaced, unavailable) and `reason` a sentence
 * for the administrator.
 */
import express from 'express';
import { databaseAnswers, getSetting } from '../db/queries/app-settings';
import { storageMonitor, STORAGE_REASONS, type StorageState } from '../db/storage-health';
import type { MakeRouter } from './context';

export const healthRouter: MakeRouter = ({ config, db }) => {
  const router = express.Router();
  const storage = storageMonitor(db, config.dbFile);
  router.get('/health', (_req, res) => {
    let database: StorageState = 'ok';
    let reason: string | undefined;
    let demo = false;
    try {
      databaseAnswers(db);
      demo = getSetting(db, 'demo_seeded_at') !== undefined;
      ({ state: database, reason } = storage.health());
    } catch {
      database = 'unavailable';
      reason = STORAGE_REASONS.unavailable('the database');
    }
    const ok = database === 'ok';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', version: config.version, database, demo, ...(reason ? { reason } : {}) });
  });
  return router;
};
