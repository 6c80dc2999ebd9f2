/**
 * Bringing back a backup and noticing storage that cannot be written, as an
 * administrator meets them: `ips-trial restore` refuses while a server runs,
 * refuses a damaged backup, keeps the live file aside and records itself; the
 * server refuses to start on a damaged file; health turns 503 with a reason
 * when the disk is full or the file was swapped; a full disk answers each
 * write with one 503 sentence and one log line a minute, and a failed backup
 * is recorded as failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { openDatabase } from '../../../server/db/connection';
import { openMigratedDatabase } from '../../../server/db/open';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { findSiteByCode } from '../../../server/db/queries/sites';
import { verifyAudit } from '../../../server/services/audit';
import { backupDatabase } from '../../../server/services/backup';
import { createStaffUser } from '../../../server/services/users';
import { createTestServer, makeTempDir, TEST_PASSWORD, type TestServer } from './harness';

const cli = path.resolve('bin/ips-trial.js');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LOG_LEVEL: 'silent', ...env } });

describe('server core: restore and storage health', () => {
  let server: TestServer;
  let backupFile: string;
  beforeAll(async () => {
    server = await createTestServer();
    await server.as('admin').send('POST', '/api/sites', { code: 'RST-1', name: 'Före kopian', region: 'R', places_min: 6 }).expect(201);
    backupFile = path.join(server.dir, 'backups', 'good.db');
    await backupDatabase(server.db, { id: null, label: 'test' }, backupFile);
    await server.as('admin').send('POST', '/api/sites', { code: 'RST-2', name: 'Efter kopian', region: 'R', places_min: 6 }).expect(201);
  });
  afterAll(() => server?.close());

  it('restores a checked backup only with its own keys, keeps the live file aside and records the restore', async () => {
    const dir = makeTempDir();
    const live = path.join(dir, 'trial.db');
    await server.db.backup(live);
    const elsewhere = run(['restore', backupFile, '--db', live], { IPS_TRIAL_SECRETS: path.join(dir, 'other-secrets') });
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toMatch(/^error: backup .*good\.db does not match the secrets folder: /);
    expect(existsSync(path.join(dir, 'other-secrets')), 'no key is made for a restore').toBe(false);
    const done = run(['restore', backupFile, '--db', live], { IPS_TRIAL_SECRETS: server.config.secretsDir });
    expect(done.status, done.stderr).toBe(0);
    const keptAside = /kept as (\S+)/.exec(done.stdout)?.[1];
    expect(keptAside && existsSync(keptAside)).toBe(true);
    expect(statSync(live).mode & 0o777).toBe(0o600);
    const restored = openDatabase(live, { readonly: true });
    const old = openDatabase(keptAside!, { readonly: true });
    try {
      expect(findSiteByCode(restored, 'RST-1')).toBeTruthy();
      expect(findSiteByCode(restored, 'RST-2')).toBeUndefined();
      expect(findSiteByCode(old, 'RST-2')?.name).toBe('Efter kopian');
      expect(findAuditEntries(restored, { action: 'restore' }, 5, 0)).toHaveLength(1);
      expect(verifyAudit(restored).ok).toBe(true);
    } finally {
      restored.close();
      old.close();
    }
  }, 150_000);

  it('refuses while a server is using the database, and a damaged backup, changing nothing', async () => {
    const dir = makeTempDir();
    const live = path.join(dir, 'trial.db');
    const serve = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo', '--db', live], {
      env: { ...process.env, LOG_LEVEL: 'silent', IPS_TRIAL_SECRETS: path.join(dir, 'secrets') },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        serve.stdout.on('data', (chunk: Buffer) => String(chunk).includes('listening') && resolve());
        serve.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const before = readFileSync(live);
      const refused = run(['restore', backupFile, '--db', live]);
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim()).toBe(`error: a server (process ${serve.pid}) is using ${live}; stop it first, then restore`);
      expect(readFileSync(live).equals(before)).toBe(true);
    } finally {
      serve.kill('SIGTERM');
      await new Promise((resolve) => serve.once('exit', resolve));
    }
    expect(existsSync(`${live}.server-pid`), 'the server removes its mark when it stops').toBe(false);

    const damaged = path.join(dir, 'damaged.db');
    copyFileSync(backupFile, damaged);
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, 4096, 8192); // overwrite the second page
    writeFileSync(damaged, bytes);
    const before = readFileSync(live);
    const bad = run(['restore', damaged, '--db', live]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^error: backup ${damaged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (failed SQLite's integrity check|is not a readable SQLite database|cannot be checked)`));
    expect(readFileSync(live).equals(before)).toBe(true);
  }, 150_000);

  it('refuses to start the server on a damaged database file, with one line saying how to restore', () => {
    const dir = makeTempDir();
    const live = path.join(dir, 'trial.db');
    copyFileSync(backupFile, live);
    const bytes = readFileSync(live);
    bytes.fill(0x5a, 4096, bytes.length);
    writeFileSync(live, bytes);
    const started = run(['serve', '--port', '0', '--host', '127.0.0.1', '--no-demo', '--db', live], { IPS_TRIAL_SECRETS: path.join(dir, 'secrets') });
    expect(started.status).toBe(1);
    expect(started.stdout).not.toContain('listening');
    const lines = started.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: .*trial\.db (failed SQLite's quick check|is not a readable SQLite database|is damaged).*ips-trial restore <backup>/);
  }, 150_000);

  it('health turns 503 with the reason when the disk is full; a write the storage refuses is one 503 sentence and at most one log line a minute', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'trial.db');
    const db = openMigratedDatabase(file);
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const config = { ...server.config, dbFile: file };
    const app = createApp(config, db, pino({ level: 'info' }, sink));
    try {
      await createStaffUser(db, { id: null, label: 'test' }, { email: 'full-disk@test.ips-trial.invalid', display_name: 'Test Full Disk', role: 'admin', password: TEST_PASSWORD }, config.passwordCost);
      const admin = request.agent(app);
      const login = await admin.post('/api/session').send({ email: 'full-disk@test.ips-trial.invalid', password: TEST_PASSWORD });
      expect(login.status).toBe(201);
      const csrf = login.body.csrf_token;
      // a full disk: SQLite may not grow the file by a single page, and every page is filled to the last bytes
      db.exec('CREATE TABLE disk_filler (x BLOB)');
      db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 2}`);
      for (const bytes of [2000, 500, 100, 20, 1]) {
        try {
          for (;;) db.prepare('INSERT INTO disk_filler VALUES (randomblob(?))').run(bytes);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('SQLITE_FULL');
        }
      }
      const health = await request(app).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'degraded', database: 'disk_full' });
      expect(health.body.reason).toMatch(/disk .* is full/);
      expect(JSON.stringify(health.body)).not.toContain(dir);

      // writes refused by the storage (here read-only: SQLite's own error, as on a read-only or remounted disk)
      db.pragma('max_page_count = 1073741823');
      db.pragma('query_only = ON');
      const answers = [];
      for (let i = 0; i < 5; i += 1) {
        answers.push(await admin.post('/api/sites').set('X-CSRF-Token', csrf).send({ code: `FULL-${i}`, name: 'Skrivskyddad enhet', region: 'R', places_min: 6 }));
      }
      for (const answer of answers) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(503);
        expect(answer.body.error.code).toBe('storage_unavailable');
        expect(answer.body.error.message).toMatch(/^Nothing was saved: the database cannot be written \(read-only/);
        expect(answer.headers['retry-after']).toBe('60');
        expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.ts:\d+|stack|SQLITE/);
      }
      db.pragma('query_only = OFF');
      expect(db.prepare("SELECT count(*) AS n FROM sites WHERE code LIKE 'FULL-%'").get()).toEqual({ n: 0 });
      const storageLines = lines.filter((line) => line.includes('database cannot be written'));
      expect(storageLines).toHaveLength(1);
      expect(storageLines[0]).not.toContain('"stack"');
      expect(lines.join('')).not.toContain('unexpected error');
    } finally {
      db.close();
    }
  });

  it('health turns 503 when the file at the database path is no longer the one the server opened', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'trial.db');
    const db = openMigratedDatabase(file);
    const app = createApp({ ...server.config, dbFile: file }, db, pino({ level: 'silent' }));
    try {
      expect((await request(app).get('/api/health')).status).toBe(200);
      copyFileSync(file, path.join(dir, 'copy.db'));
      renameSync(path.join(dir, 'copy.db'), file);
      const health = await request(app).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.database).toBe('replaced');
      expect(health.body.reason).toMatch(/no longer the file this server opened.*ips-trial restore/);
    } finally {
      db.close();
    }
  });

  it('records a backup that fails as failed, and leaves no half copy that looks like a backup', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'trial.db');
    const db = openMigratedDatabase(file);
    try {
      const target = path.join(dir, 'backup.db');
      writeFileSync(path.join(dir, 'not-a-folder'), '');
      await expect(backupDatabase(db, { id: null, label: 'test' }, path.join(dir, 'not-a-folder', 'backup.db'))).rejects.toThrow();
      expect(existsSync(target)).toBe(false);
      const failed = findAuditEntries(db, { action: 'backup_failed' }, 5, 0);
      expect(failed).toHaveLength(1);
      expect(verifyAudit(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });
});
