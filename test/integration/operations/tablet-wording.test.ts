/**
 * The site's licensed instrument wording (IPS_LICENSED_WORDING) reaches tablet
 * sessions only: GET /api/tablet-session/wording gives it to a tablet cookie,
 * never to staff or anonymous callers; without a file it is null. A missing
 * or invalid file stops the server with one line naming the file and the
 * problem. The wording here is obviously synthetic, never EuroQol's text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { openMigratedDatabase } from '../../../server/db/open';
import { silentLogger } from '../../../server/log';
import { createTestServer, makeTempDir, testConfig, TEST_PASSWORD, type TestServer } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, register } from './fixtures';

const WORDING = {
  source: 'LICENSED TEST WORDING (synthetic, not EuroQol text)',
  forms: {
    eq5d5l: {
      labels: { sv: 'LICENSED TEST WORDING: EQ-5D-5L' },
      fields: { eq5d_mo: { labels: { sv: 'LICENSED TEST WORDING: mobility' }, choices: { '1': { sv: 'LICENSED TEST WORDING: mobility level 1' } } } },
    },
  },
};

const files = mkdtempSync(path.join(tmpdir(), 'ips-wording-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));
function wordingFile(name: string, content: string): string {
  const file = path.join(files, name);
  writeFileSync(file, content);
  return file;
}

async function tabletOf(server: TestServer, n: number): Promise<request.Agent> {
  const tm = server.as('trial_manager');
  const studyId = await register(server, 'TST-A', n);
  await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING });
  await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT });
  const tablet = request.agent(server.app);
  const login = await tablet.post('/api/session').send({ email: server.emailOf('coach'), password: TEST_PASSWORD });
  const opened = await tablet.post(`/api/participants/${studyId}/tablet-session`).set('X-CSRF-Token', login.body.csrf_token).send({ pin: '4711' });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return tablet;
}

describe('api: licensed wording for tablet sessions', () => {
  let licensed: TestServer;
  let neutral: TestServer;
  beforeAll(async () => {
    licensed = await createTestServer({ licensedWording: wordingFile('wording.json', JSON.stringify(WORDING)) });
    neutral = await createTestServer();
  });
  afterAll(() => {
    licensed?.close();
    neutral?.close();
  });

  it('gives the wording to a tablet session, exactly as the site wrote it', async () => {
    const tablet = await tabletOf(licensed, 1);
    const got = await tablet.get('/api/tablet-session/wording');
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toEqual({ wording: WORDING });
    expect(got.headers['cache-control']).toBe('no-store');
  });

  it('never gives it to staff or to a caller without a session', async () => {
    for (const role of ['admin', 'trial_manager', 'coach', 'evaluator', 'data_monitor'] as const) {
      const res = await licensed.as(role).get('/api/tablet-session/wording');
      expect(res.status, role).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('LICENSED TEST WORDING');
    }
    const anonymous = await request(licensed.app).get('/api/tablet-session/wording');
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(anonymous.body)).not.toContain('LICENSED TEST WORDING');
  });

  it('is null when the site has no wording file', async () => {
    const tablet = await tabletOf(neutral, 2);
    const got = await tablet.get('/api/tablet-session/wording');
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ wording: null });
  });
});

describe('start-up with a bad licensed wording file', () => {
  const cases: [string, () => string, RegExp][] = [
    ['missing', () => path.join(files, 'no-such.json'), /no such file/],
    ['not JSON', () => wordingFile('broken.json', '{ "source": '), /not valid JSON/],
    ['an unknown form and field', () => wordingFile('unknown.json', JSON.stringify({
      source: 'LICENSED TEST WORDING',
      forms: { eq5d9l: {}, eq5d5l: { fields: { eq5d_xx: { labels: { sv: 'LICENSED TEST WORDING' } } } } },
    })), /forms\.eq5d9l: unknown form; forms\.eq5d5l\.fields\.eq5d_xx: unknown field of eq5d5l/],
  ];
  for (const [what, make, problem] of cases) {
    it(`refuses ${what} with one line naming the file`, () => {
      const file = make();
      const dir = makeTempDir();
      const db = openMigratedDatabase(path.join(dir, 'trial.db'));
      try {
        let message = '';
        try {
          createApp(testConfig(dir, { licensedWording: file }), db, silentLogger());
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toContain(`IPS_LICENSED_WORDING ${file}: `);
        expect(message).toMatch(problem);
        expect(message).not.toContain('\n');
      } finally {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('stops `ips-trial serve` with that line and exit code 1', () => {
    const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
    const dir = makeTempDir();
    const file = wordingFile('bad-language.json', JSON.stringify({ source: 'LICENSED TEST WORDING', forms: { eq5d5l: { labels: { xx: 'LICENSED TEST WORDING' } } } }));
    try {
      const run = spawnSync(process.execPath, ['bin/ips-trial.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo', '--db', path.join(dir, 'trial.db')], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, IPS_LICENSED_WORDING: file, IPS_TRIAL_SECRETS: path.join(dir, 'secrets'), LOG_LEVEL: 'silent' },
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).not.toContain('listening');
      expect(run.stderr.trim()).toBe(`error: IPS_LICENSED_WORDING ${file}: licensed wording is invalid: forms.eq5d5l.labels: unknown language 'xx'`);
      expect(existsSync(path.join(dir, 'trial.db')), 'no database is created before the check').toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
