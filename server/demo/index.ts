/**
 * The demo study seeded on the first start of an empty database (unless
 * `--no-demo` / IPS_TRIAL_DEMO=0): a list of seed steps run in order inside
 * one transaction, then marked done in app_settings so the demo never runs
 * twice on the same database. Other areas add their steps (participants,
 * allocations, responses, time logs) to `demoSteps` below.
 */
import type { Config } from '../config';
import type { Db } from '../db/connection';
import { getSetting, setSetting } from '../db/queries/app-settings';
import { countUsers } from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import type { Log } from '../log';
import { recordAudit, type AuditActor } from '../services/audit';
import { DEMO_PASSWORD, demoStaffStep, type DemoLogin } from './staff';
import { demoSitesStep } from './sites';
import { demoParticipantsStep } from './operations/participants-step';
import { demoWholeTrialStep } from './operations/whole-trial-step';
import { demoSusStep } from './operations/sus-step';
import { demoDataQueriesStep } from './operations/data-queries-step';
import { demoCorrectionsStep } from './operations/corrections-step';

export { DEMO_PASSWORD };

export interface DemoContext {
  db: Db;
  config: Config;
  log: Log;
  /** the actor to record in the audit trail */
  actor: AuditActor;
  /** scrypt hash of DEMO_PASSWORD, computed once */
  passwordHash: string;
  /** logins to print at start (steps may add to it) */
  logins: DemoLogin[];
}

export interface DemoStep {
  name: string;
  run: (context: DemoContext) => void;
}

/** Seed steps, in order. Add a line per step. */
export const demoSteps: DemoStep[] = [demoSitesStep, demoStaffStep, demoParticipantsStep, demoWholeTrialStep, demoSusStep, demoDataQueriesStep, demoCorrectionsStep];

export const DEMO_ACTOR: AuditActor = Object.freeze({ id: null, label: 'demo seed' });

/** Whether the demo should be seeded: never twice, never into a database that already has staff. */
export function demoNeeded(db: Db): boolean {
  return getSetting(db, 'demo_seeded_at') === undefined && countUsers(db) === 0;
}

export function isDemoDatabase(db: Db): boolean {
  return getSetting(db, 'demo_seeded_at') !== undefined;
}

/** Runs every step in one transaction; returns the demo logins. */
export function seedDemo(db: Db, config: Config, log: Log, passwordHash: string, steps: DemoStep[] = demoSteps): DemoLogin[] {
  const context: DemoContext = { db, config, log, actor: DEMO_ACTOR, passwordHash, logins: [] };
  inTransaction(db, () => {
    for (const step of steps) {
      step.run(context);
      log.debug({ step: step.name }, 'demo step done');
    }
    const now = new Date().toISOString();
    setSetting(db, 'demo_seeded_at', now, now);
    recordAudit(db, { actor: DEMO_ACTOR, action: 'seed_demo', entity: 'study', after: { steps: steps.map((s) => s.name) } });
  });
  return context.logins;
}
