/**
 * Data survive restarts: closing and reopening the file, and a real
 * `ips-trial serve` process killed with SIGKILL right after answering
 * "saved". Also the first start (demo study seeded once, never twice;
 * `--no-demo` leaves the database empty) and `ips-trial user add` reading
 * the password from stdin.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/connection';
import { openMigratedDatabase } from '../../../server/db/open';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { findSiteByCode } from '../../../server/db/queries/sites';
import { countUsers, findUserByEmail } from '../../../server/db/queries/users';
import { createApp } from '../../../server/app';
import { silentLogger } from '../../../server/log';
import { verifyAudit } from '../../../server/services/audit';
import request from 'supertest';
import { createTestServer, makeTempDir, testConfig } from './harness';

const CLI = path.resolve('bin/ips-trial.js');
const dirs: string[] = [];
/** subprocess tests start Node + tsx several times: slow on a busy two-core machine */
const SUBPROCESS_TIMEOUT = 300_000;
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
}

const childEnv = (dir: string) => ({ ...process.env, IPS_TRIAL_SECRETS: path.join(dir, 'secrets'), IPS_TRIAL_SCRYPT_N: '1024', LOG_LEVEL: 'silent' });

/** Starts `ips-trial serve` on a free port; resolves with the process, its URL and what it printed. */
function serve(dir: string, extra: string[] = []): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', path.join(dir, 'trial.db'), '--port', '0', '--host', '127.0.0.1', ...extra], {
    env: childEnv(dir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d) => (out += String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 180_000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match && /\n\n|Demo logins|database:/.test(out)) {
        clearTimeout(timer);
        setTimeout(() => resolve({ child, url: match[1].replace(/\/$/, ''), output: () => out }), 100);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

async function loginDemo(url: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: 'demo-password-2026' }) });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { csrf_token: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: body.csrf_token };
}

describe('server core: restarts and first run', () => {
  it('keeps data after closing and reopening the database file', async () => {
    const server = await createTestServer();
    await server.as('admin').send('POST', '/api/sites', { code: 'KEEP-1', name: 'Kvar', region: 'R', places_min: 6 }).expect(201);
    server.db.close();
    const db = openMigratedDatabase(server.config.dbFile);
    try {
      expect(findSiteByCode(db, 'KEEP-1')?.places_max).toBe(6);
      expect(verifyAudit(db).ok).toBe(true);
      const res = await request(createApp(server.config, db, silentLogger())).get('/api/health');
      expect(res.body).toMatchObject({ status: 'ok', database: 'ok' });
    } finally {
      db.close();
      rmSync(server.dir, { recursive: true, force: true });
    }
  });

  it('seeds the demo study on first start, keeps a saved change after kill -9, and never seeds twice', async () => {
    const dir = tempDir();
    const first = await serve(dir);
    expect(first.output()).toContain('DEMO STUDY');
    expect(first.output()).toContain('manager@demo.ips-trial.invalid');
    const health = (await (await fetch(`${first.url}/api/health`)).json()) as { demo: boolean; version: string };
    expect(health.demo).toBe(true);
    const { cookie, csrf } = await loginDemo(first.url, 'manager@demo.ips-trial.invalid');
    const saved = await fetch(`${first.url}/api/sites`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: JSON.stringify({ code: 'CRASH-1', name: 'Sparad före krasch', region: 'Testregion', places_min: 4, places_max: 8 }),
    });
    expect(saved.status).toBe(201);
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await serve(dir);
    try {
      expect(second.output()).not.toContain('Demo logins (password');
      const site = await fetch(`${second.url}/api/sites/CRASH-1`, { headers: { Cookie: (await loginDemo(second.url, 'admin@demo.ips-trial.invalid')).cookie } });
      expect(site.status).toBe(200);
      expect(((await site.json()) as { site: { name: string } }).site.name).toBe('Sparad före krasch');
    } finally {
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);
    }
    const db = openDatabase(path.join(dir, 'trial.db'));
    try {
      expect(findAuditEntries(db, { action: 'seed_demo' }, 10, 0)).toHaveLength(1);
      expect(findUserByEmail(db, 'coach@demo.ips-trial.invalid')?.role).toBe('coach');
      expect(verifyAudit(db).ok).toBe(true);
    } finally {
      db.close();
    }
  }, SUBPROCESS_TIMEOUT);

  it('starts an empty database with --no-demo', async () => {
    const dir = tempDir();
    const started = await serve(dir, ['--no-demo']);
    started.child.kill('SIGTERM');
    expect(await exited(started.child)).toBe(0);
    expect(started.output()).not.toContain('DEMO');
    const db = openDatabase(path.join(dir, 'trial.db'));
    try {
      expect(countUsers(db)).toBe(0);
    } finally {
      db.close();
    }
  }, SUBPROCESS_TIMEOUT);

  it('creates the database with `migrate`, then a staff user with `user add`, the password read from stdin; `user password` and `user list`', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'trial.db');
    const migrated = spawnSync(process.execPath, [CLI, 'migrate', '--db', dbFile], { env: childEnv(dir), encoding: 'utf8', timeout: 180_000 });
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('0001-create-users.sql');
    const add = spawnSync(process.execPath, [CLI, 'user', 'add', '--role', 'admin', '--email', 'first-admin@test.ips-trial.invalid', '--db', dbFile], {
      input: 'a-strong-password-1\n',
      env: childEnv(dir),
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toContain('created admin first-admin@test.ips-trial.invalid');
    expect(add.stdout + add.stderr).not.toContain('a-strong-password-1');
    const weak = spawnSync(process.execPath, [CLI, 'user', 'add', '--role', 'coach', '--email', 'weak@test.ips-trial.invalid', '--db', dbFile], {
      input: 'short\n',
      env: childEnv(dir),
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('password must be at least 10 characters');

    const reset = spawnSync(process.execPath, [CLI, 'user', 'password', '--email', 'first-admin@test.ips-trial.invalid', '--db', dbFile], {
      input: 'a-changed-password-2\n',
      env: childEnv(dir),
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(reset.status, reset.stderr).toBe(0);
    const list = spawnSync(process.execPath, [CLI, 'user', 'list', '--db', dbFile], { env: childEnv(dir), encoding: 'utf8', timeout: 180_000 });
    expect(list.stdout).toMatch(/admin\s+active\s+first-admin@test\.ips-trial\.invalid/);
    expect(list.stdout).not.toContain('weak@');

    const db = openMigratedDatabase(dbFile);
    try {
      expect(findUserByEmail(db, 'first-admin@test.ips-trial.invalid')?.role).toBe('admin');
      expect(findUserByEmail(db, 'weak@test.ips-trial.invalid')).toBeUndefined();
      const app = createApp(testConfig(dir, { dbFile }), db, silentLogger());
      const old = await request(app).post('/api/session').send({ email: 'first-admin@test.ips-trial.invalid', password: 'a-strong-password-1' });
      expect(old.status).toBe(401);
      const login = await request(app).post('/api/session').send({ email: 'first-admin@test.ips-trial.invalid', password: 'a-changed-password-2' });
      expect(login.status).toBe(201);
    } finally {
      db.close();
    }
  }, SUBPROCESS_TIMEOUT);
});
