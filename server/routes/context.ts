/** What every router is built from: the configuration, the database and the logger. */
import type { Router } from 'express';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import type { Log } from '../log';

export interface RouteContext {
  config: Config;
  db: Db;
  log: Log;
}

/** A module of routes under /api: paths are written in full ('/sites/:code'). */
export type MakeRouter = (context: RouteContext) => Router;
