/** `GET /api/health`: version, database status and whether this is the demo study. Public. */
import express from 'express';
import { databaseAnswers, getSetting } from '../db/queries/app-settings';
import type { MakeRouter } from './context';

export const healthRouter: MakeRouter = ({ config, db }) => {
  const router = express.Router();
  router.get('/health', (_req, res) => {
    let database: 'ok' | 'unavailable' = 'ok';
    let demo = false;
    try {
      databaseAnswers(db);
      demo = getSetting(db, 'demo_seeded_at') !== undefined;
    } catch {
      database = 'unavailable';
    }
    res.status(database === 'ok' ? 200 : 503).json({ status: database === 'ok' ? 'ok' : 'degraded', version: config.version, database, demo });
  });
  return router;
};
