/**
 * Starting and stopping the server: open the database (refusing a damaged
 * file: SQLite's quick check), migrate it, check its secret keys
 * (server/secrets.ts), mark it as served (`<database>.server-pid`, so
 * `ips-trial restore` refuses), seed the
 * demo study on a fresh database (when enabled), mark exports and reports
 * left "running" by a previous process as failed, listen, and on SIGTERM /
 * SIGINT close the HTTP server (finishing requests in flight) before
 * closing the database.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { readLicensedWording, type Config } from './config';
import { forms } from '../data-dictionary/index';
import type { Db } from './db/connection';
import { openTrialDatabase } from './db/open';
import { holdServerLock } from './db/server-lock';
import { failInterruptedJobs, INTERRUPTED_MESSAGE } from './db/queries/interrupted-jobs';
import { demoNeeded, isDemoDatabase, seedDemo, DEMO_PASSWORD } from './demo/index';
import type { DemoLogin } from './demo/staff';
import type { Log } from './log';
import { hashPassword } from './services/passwords';

export interface RunningServer {
  server: Server;
  db: Db;
  url: string;
  demo: boolean;
  demoLogins: DemoLogin[];
  close: () => Promise<void>;
}

export async function startServer(config: Config, log: Log): Promise<RunningServer> {
  // a bad licensed-wording file stops the server before the database is created, migrated or seeded
  if (config.licensedWording) readLicensedWording(config.licensedWording, forms);
  // a damaged file is refused before anything is migrated or written (SQLite's quick check);
  // a missing, damaged or foreign key file stops the start before anything is seeded or written
  const db = openTrialDatabase(config, { check: true });
  const interrupted = failInterruptedJobs(db, INTERRUPTED_MESSAGE, new Date().toISOString());
  if (interrupted.exports + interrupted.reports > 0) log.warn(interrupted, 'exports/reports left running by the previous server marked failed');
  let demoLogins: DemoLogin[] = [];
  if (config.demo && demoNeeded(db)) demoLogins = seedDemo(db, config, log, await hashPassword(DEMO_PASSWORD, config.passwordCost));
  const app = createApp(config, db, log);
  const server = createServer(app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    db.close();
    throw err;
  }
  const releaseLock = holdServerLock(config.dbFile);
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      server.close(() => {
        clearTimeout(force);
        db.close();
        releaseLock();
        resolve();
      });
      server.closeIdleConnections();
    }));
  return { server, db, url: `http://${host}:${port}/`, demo: isDemoDatabase(db), demoLogins, close };
}
