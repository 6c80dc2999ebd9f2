/**
 * A real server for integration tests: a fresh SQLite file in a temp
 * directory, migrated, with one staff user per role (password
 * TEST_PASSWORD), a site TST-A (the coach belongs to it), a site TST-B, a
 * spare user `target` to act on, and a logged-in supertest agent per role
 * that sends the CSRF header by itself. Other areas reuse it:
 * `const server = await createTestServer(); await server.as('coach').get('/api/…')`.
 */
import { createHash } from 'node:crypto';
import { insertInstrumentWording } from '../../../server/db/queries/instrument-wordings';
import { syntheticWording } from '../../fixtures/synthetic-wording';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../../server/app';
import { loadConfig, type Config, type ConfigOverrides } from '../../../server/config';
import type { Db } from '../../../server/db/connection';
import { openTrialDatabase } from '../../../server/db/open';
import { ROLES, type Role } from '../../../server/db/queries/users';
import { silentLogger } from '../../../server/log';
import { cliActor } from '../../../server/services/audit';
import { createSite } from '../../../server/services/sites';
import { createStaffUser } from '../../../server/services/users';

export const TEST_PASSWORD = 'test-password-0001';
export type Who = Role | 'anonymous';
export const EVERYONE: readonly Who[] = ['anonymous', ...ROLES];
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Caller {
  /** sends a request; JSON body when given; the CSRF header is added for state-changing methods */
  send(method: Method, url: string, body?: unknown): request.Test;
  get(url: string): request.Test;
}

export interface TestServer {
  dir: string;
  config: Config;
  db: Db;
  app: Express;
  /** ids of the users by role, plus `target` (a spare coach) */
  ids: Record<Role | 'target', number>;
  emailOf: (role: Role) => string;
  as(who: Who): Caller;
  /** logs `role` in again (after a logout or password change in a test) */
  relogin(role: Role): Promise<void>;
  close(): void;
}

export function testConfig(dir: string, overrides: ConfigOverrides = {}): Config {
  return loadConfig({}, {
    dbFile: path.join(dir, 'trial.db'),
    secretsDir: path.join(dir, 'secrets'),
    webDir: path.join(dir, 'web'),
    demo: false,
    logLevel: 'silent',
    // cheap scrypt in tests (the stored hash carries its cost); production uses 2^16
    passwordCost: { N: 2 ** 10, r: 8, p: 1 },
    ...overrides,
  });
}

export function makeTempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ips-trial-test-'));
}

/**
 * `options.wording` (default true): the study has loaded complete synthetic
 * instrument wording (test/fixtures/synthetic-wording.ts), as a real study
 * must before tablet sessions; false for a study that has not.
 */
export async function createTestServer(overrides: ConfigOverrides = {}, options: { wording?: boolean } = {}): Promise<TestServer> {
  const dir = makeTempDir();
  const config = testConfig(dir, overrides);
  const db = openTrialDatabase(config);
  if ((options.wording ?? true) && !config.licensedWording) {
    const wording = JSON.stringify(syntheticWording());
    insertInstrumentWording(db, { source: syntheticWording().source, wordingJson: wording, sha256: createHash('sha256').update(wording).digest('hex'), loadedBy: null, now: new Date().toISOString() });
  }
  const app = createApp(config, db, silentLogger());
  const actor = cliActor();
  createSite(db, actor, { code: 'TST-A', name: 'Testenhet A', region: 'Testregion', places_min: 4, places_max: 8 });
  createSite(db, actor, { code: 'TST-B', name: 'Testenhet B', region: 'Testregion', places_min: 12 });
  const emailOf = (role: Role) => `${role.replace('_', '-')}@test.ips-trial.invalid`;
  const ids = {} as Record<Role | 'target', number>;
  for (const role of ROLES) {
    const user = await createStaffUser(db, actor, {
      email: emailOf(role),
      display_name: `Test ${role}`,
      role,
      password: TEST_PASSWORD,
      site_codes: role === 'coach' ? ['TST-A'] : [],
    }, config.passwordCost);
    ids[role] = user.id;
  }
  ids.target = (await createStaffUser(db, actor, { email: 'target@test.ips-trial.invalid', display_name: 'Test Target', role: 'coach', password: TEST_PASSWORD }, config.passwordCost)).id;

  const agents = new Map<Who, { agent: ReturnType<typeof request.agent>; csrf: string }>();
  agents.set('anonymous', { agent: request.agent(app), csrf: '' });
  const relogin = async (role: Role) => {
    const agent = request.agent(app);
    const res = await agent.post('/api/session').send({ email: emailOf(role), password: TEST_PASSWORD });
    if (res.status !== 201) throw new Error(`test login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
    agents.set(role, { agent, csrf: res.body.csrf_token as string });
  };
  for (const role of ROLES) await relogin(role);

  const as = (who: Who): Caller => {
    const send = (method: Method, url: string, body?: unknown) => {
      const entry = agents.get(who)!;
      let test = entry.agent[method.toLowerCase() as 'get'](url);
      if (method !== 'GET' && entry.csrf) test = test.set('X-CSRF-Token', entry.csrf);
      return body === undefined ? test : test.send(body as object);
    };
    return { send, get: (url) => send('GET', url) };
  };

  return {
    dir,
    config,
    db,
    app,
    ids,
    emailOf,
    as,
    relogin,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
