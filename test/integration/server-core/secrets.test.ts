/**
 * The secret keys fail closed (server/secrets.ts): a missing, damaged or
 * foreign key file stops the server and the commands with one line naming
 * the file, and nothing is made or written; a new database makes its keys;
 * the keys are found beside the database whatever the working directory.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTrialDatabase } from '../../../server/db/open';
import { silentLogger } from '../../../server/log';
import { secretCheckValue } from '../../../server/secrets';
import { cliActor } from '../../../server/services/audit';
import { runExport } from '../../../server/services/exports';
import { startServer } from '../../../server/start';
import { makeReady, register } from '../operations/fixtures';
import { createTestServer, makeTempDir, testConfig, type TestServer } from './harness';

const CLI = path.resolve('bin/ips-trial.js');
const SUBPROCESS_TIMEOUT = 300_000;
const KEYS = ['export-pid-key.key', 'identifier-key.key', 'randomization-seed.key', 'totp-key.key'];

let server: TestServer;
let other: string;
let keyed: string[];
beforeAll(async () => {
  server = await createTestServer();
  const studyId = await register(server, 'TST-A', 1);
  await makeReady(server, studyId);
  expect((await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`)).status).toBe(201);
  await register(server, 'TST-B', 2);
  const out = path.join(server.dir, 'keyed-export');
  runExport(server.db, server.config, cliActor(), out, { pidMode: 'keyed', k: 1 });
  keyed = pids(out);
  // another study's folder, for the swapped-key case
  other = makeTempDir();
  openTrialDatabase(testConfig(other)).close();
}, 120_000);
afterAll(() => {
  server?.close();
  rmSync(other, { recursive: true, force: true });
});

function pids(folder: string): string[] {
  const rows = parse(readFileSync(path.join(folder, 'participants.csv'), 'utf8'), { columns: true }) as { pid: string }[];
  return rows.map((r) => r.pid).sort();
}

const keyFile = (name: string) => path.join(server.config.secretsDir, `${name}.key`);
const participantCount = () => (server.db.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n;

/** Runs `check` with the key file `name` changed by `change`, then puts the original back. */
async function withKey(name: string, change: (file: string) => void, check: () => Promise<void> | void): Promise<void> {
  const file = keyFile(name);
  const original = readFileSync(file);
  try {
    change(file);
    await check();
  } finally {
    writeFileSync(file, original, { mode: 0o600 });
  }
}

function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const { IPS_TRIAL_SECRETS: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: options.cwd, env: { ...env, LOG_LEVEL: 'silent', IPS_TRIAL_SCRYPT_N: '1024', ...options.env } });
}

async function startRefusal(): Promise<string> {
  const error = await startServer(testConfig(server.dir, { port: 0, host: '127.0.0.1' }), silentLogger()).then(
    (running) => running.close().then(() => 'started'),
    (e: Error) => e.message,
  );
  return error;
}

describe('server/secrets (fail closed)', () => {
  it('makes the four keys with a new database and records a check value, never the key, for each', () => {
    expect(readdirSync(path.join(other, 'secrets')).sort()).toEqual(KEYS);
    const db = openTrialDatabase(testConfig(other));
    try {
      const rows = db.prepare('SELECT name, check_value, origin FROM secret_checks ORDER BY name').all() as { name: string; check_value: string; origin: string }[];
      expect(rows.map((r) => `${r.name} ${r.origin}`)).toEqual(['export-pid-key created', 'identifier-key created', 'randomization-seed created', 'totp-key created']);
      for (const row of rows) {
        const hex = readFileSync(path.join(other, 'secrets', `${row.name}.key`), 'utf8').trim();
        expect(row.check_value).toBe(secretCheckValue(Buffer.from(hex, 'hex')));
        expect(row.check_value).not.toContain(hex);
      }
    } finally {
      db.close();
    }
  });

  it('refuses to start the server without the identifier key, naming the file, and makes no new key', async () => {
    await withKey('identifier-key', (file) => rmSync(file), async () => {
      const message = await startRefusal();
      expect(message).toBe(
        `secret key ${keyFile('identifier-key')} is missing: restore ${keyFile('identifier-key')} from the backup of the secrets folder taken with this database (or point IPS_TRIAL_SECRETS at the folder that holds it)`,
      );
      expect(existsSync(keyFile('identifier-key'))).toBe(false);
      expect(readdirSync(server.config.secretsDir).sort()).toEqual(KEYS.filter((k) => k !== 'identifier-key.key'));
      expect(participantCount()).toBe(2);
    });
  });

  it('stops a command without the randomization seed with exit 1 and one line, writing nothing', async () => {
    await withKey('randomization-seed', (file) => rmSync(file), () => {
      const out = path.join(server.dir, 'never-written');
      const run = cli(['export', out, '--db', server.config.dbFile]);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(`error: secret key ${keyFile('randomization-seed')} is missing: restore ${keyFile('randomization-seed')} from the backup of the secrets folder taken with this database (or point IPS_TRIAL_SECRETS at the folder that holds it)\n`);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(keyFile('randomization-seed'))).toBe(false);
    });
  }, SUBPROCESS_TIMEOUT);

  it('refuses a damaged key (not 64 hexadecimal digits)', async () => {
    await withKey('identifier-key', (file) => writeFileSync(file, 'not a key\n'), async () => {
      expect(await startRefusal()).toMatch(new RegExp(`^secret key ${keyFile('identifier-key')} is damaged \\(expected 64 hexadecimal digits\\): restore `));
    });
    await withKey('randomization-seed', (file) => writeFileSync(file, `${'ab'.repeat(16)}\n`), async () => {
      expect(await startRefusal()).toMatch(/randomization-seed\.key is damaged/);
    });
  });

  it('refuses a key swapped in from another study, in the server and in a command', async () => {
    await withKey('identifier-key', (file) => copyFileSync(path.join(other, 'secrets', 'identifier-key.key'), file), async () => {
      expect(await startRefusal()).toBe(
        `secret key ${keyFile('identifier-key')} is not the key this database was made with: restore ${keyFile('identifier-key')} from the backup of the secrets folder taken with this database (or point IPS_TRIAL_SECRETS at the folder that holds it)`,
      );
      const run = cli(['user', 'list', '--db', server.config.dbFile]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('identifier-key.key is not the key this database was made with');
      // the other study's keys as a whole folder are refused too
      const whole = cli(['user', 'list', '--db', server.config.dbFile], { env: { IPS_TRIAL_SECRETS: path.join(other, 'secrets') } });
      expect(whole.status).toBe(1);
      expect(whole.stderr).toMatch(/^error: secret key .*\.key is not the key this database was made with: restore /);
    });
  }, SUBPROCESS_TIMEOUT);

  it('exports with the same keys from another working directory (keyed pids unchanged, no new secrets folder)', () => {
    const elsewhere = makeTempDir();
    try {
      const out = path.join(elsewhere, 'export');
      const run = cli(['export', out, '--db', server.config.dbFile, '--k', '1'], { cwd: elsewhere });
      expect(run.status, run.stderr).toBe(0);
      expect(pids(out)).toEqual(keyed);
      expect(readdirSync(elsewhere)).toEqual(['export']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, SUBPROCESS_TIMEOUT);

  it('records the key files of a database from before the check values (upgrade), and refuses a missing one there', () => {
    const legacy = makeTempDir();
    try {
      mkdirSync(path.join(legacy, 'secrets'));
      for (const key of KEYS) copyFileSync(path.join(server.config.secretsDir, key), path.join(legacy, 'secrets', key));
      server.db.pragma('wal_checkpoint(TRUNCATE)');
      copyFileSync(server.config.dbFile, path.join(legacy, 'trial.db'));
      const config = testConfig(legacy);
      let db = openTrialDatabase(config);
      db.exec('DELETE FROM secret_checks'); // as before migration 0006
      db.close();
      rmSync(path.join(legacy, 'secrets', 'identifier-key.key'));
      expect(() => openTrialDatabase(config)).toThrow(/identifier-key\.key is missing: restore /);
      copyFileSync(keyFile('identifier-key'), path.join(legacy, 'secrets', 'identifier-key.key'));
      db = openTrialDatabase(config);
      const rows = db.prepare('SELECT name, origin FROM secret_checks ORDER BY name').all();
      db.close();
      expect(rows).toEqual(['export-pid-key', 'identifier-key', 'randomization-seed', 'totp-key'].map((name) => ({ name, origin: 'recorded' })));
    } finally {
      rmSync(legacy, { recursive: true, force: true });
    }
  });
});
