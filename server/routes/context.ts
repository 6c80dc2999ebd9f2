/**
 * What every router is built from: the configuration, the database, the
 * logger, the queue of background jobs and the app's rate limiters (make each
 * with `rateLimits.limit`).
 */
import type { Router } from 'express';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import type { RateLimits } from '../http/rate-limit';
import type { Log } from '../log';
import type { BackgroundJobs } from '../services/background-jobs';

export interface RouteContext {
  config: Config;
  db: Db;
  log: Log;
  jobs: BackgroundJobs;
  rateLimits: RateLimits;
}

/** A module of routes under /api: paths are written in full ('/sites/:code'). */
export type MakeRouter = (context: RouteContext) => Router;
