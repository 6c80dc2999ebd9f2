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
import { describePermissionMatrix } from '../server-core/permission-matrix';
import { createTestServer, makeTempDir, testConfig, TEST_PASSWORD, type TestServer } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, register } from './fixtures';
import { syntheticWording } from '../../fixtures/synthetic-wording';

// complete (every question and option, every language), as a real study's file must be
const WORDING = { ...syntheticWording(), source: 'LICENSED TEST WORDING (synthetic, not EuroQol text)' };

const files = mkdtempSync(path.join(tmpdir(), 'ips-wording-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));
function wordingFile(name: string, content: string): string {
  const file = path.join(files, name);
  writeFileSync(file, content);
  return file;
}

async function consented(server: TestServer, n: number): Promise<string> {
  const tm = server.as('trial_manager');
  const studyId = await register(server, 'TST-A', n);
  await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING });
  await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT });
  return studyId;
}

async function openTablet(server: TestServer, studyId: string): Promise<{ tablet: request.Agent; opened: request.Response }> {
  const tablet = request.agent(server.app);
  const login = await tablet.post('/api/session').send({ email: server.emailOf('coach'), password: TEST_PASSWORD });
  const opened = await tablet.post(`/api/participants/${studyId}/tablet-session`).set('X-CSRF-Token', login.body.csrf_token).send({ pin: '4711' });
  return { tablet, opened };
}

async function tabletOf(server: TestServer, n: number): Promise<request.Agent> {
  const { tablet, opened } = await openTablet(server, await consented(server, n));
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return tablet;
}

describe('api: licensed wording for tablet sessions', () => {
  let licensed: TestServer;
  let neutral: TestServer;
  beforeAll(async () => {
    licensed = await createTestServer({ licensedWording: wordingFile('wording.json', JSON.stringify(WORDING)) });
    neutral = await createTestServer({}, { wording: false });
  });
  afterAll(() => {
    licensed?.close();
    neutral?.close();
  });

  it('gives the wording to a tablet session, exactly as the site wrote it', async () => {
    const tablet = await tabletOf(licensed, 1);
    const got = await tablet.get('/api/tablet-session/wording');
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toEqual({ wording: WORDING, placeholders: [] });
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

  it('refuses a tablet session and a home code while the study has not loaded the wording, naming what is missing', async () => {
    const studyId = await consented(neutral, 2);
    const { opened } = await openTablet(neutral, studyId);
    expect(opened.status).toBe(409);
    expect(opened.body.error.code).toBe('wording_missing');
    expect(opened.body.error.message).toMatch(/eq5d5l \(sv\).*gse \(sv\)/);
    const code = await neutral.as('coach').send('POST', `/api/participants/${studyId}/home-codes`, {});
    expect(code.status).toBe(409);
    expect(code.body.error.code).toBe('wording_missing');
    expect(neutral.db.prepare('SELECT count(*) AS n FROM tablet_sessions').get()).toEqual({ n: 0 });
  });
});

describe('api: instrument wording loaded in the web', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({}, { wording: false });
  });
  afterAll(() => server?.close());

  it('shows what is missing, loads a wording (audited, latest in use) and then lets the participant onto the tablet', async () => {
    const before = await server.as('trial_manager').get('/api/instrument-wording');
    expect(before.status).toBe(200);
    expect(before.body.wording).toMatchObject({ origin: 'none', source: null, demo: false, requiredLanguages: ['sv', 'da', 'en'], history: [] });
    const gseSv = before.body.wording.completeness.find((c: { form: string; language: string }) => c.form === 'gse' && c.language === 'sv');
    expect(gseSv).toMatchObject({ complete: false });
    expect(gseSv.missing).toContain('gse_01');
    expect(gseSv.missing).toContain('gse_01=4');

    // Swedish only, and the study's tablet opens in Swedish: enough
    const swedish = syntheticWording({ languages: ['sv'] });
    expect((await server.as('trial_manager').send('PUT', '/api/instrument-wording', swedish)).status).toBe(403);
    const loaded = await server.as('admin').send('PUT', '/api/instrument-wording', swedish);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body.wording).toMatchObject({ origin: 'study', source: swedish.source, loadedBy: 'Test admin' });
    const complete = (body: { wording: { completeness: { form: string; language: string; complete: boolean }[] } }) =>
      body.wording.completeness.filter((c) => c.complete).map((c) => `${c.form}:${c.language}`).sort();
    expect(complete(loaded.body)).toEqual(['eq5d3l:sv', 'eq5d5l:sv', 'gse:sv']);
    const studyId = await consented(server, 1);
    expect((await openTablet(server, studyId)).opened.status, 'the tablet may open in any language while tabletLanguage is unset').toBe(409);
    expect((await server.as('admin').send('PUT', '/api/study-settings', { tabletLanguage: 'sv' })).status).toBe(200);
    const { tablet, opened } = await openTablet(server, studyId);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const got = await tablet.get('/api/tablet-session/wording');
    expect(got.body.wording.forms.gse.fields.gse_01.labels.sv).toBe('TEST WORDING gse_01 (sv)');
    expect(got.body.placeholders).toContainEqual({ form: 'gse', language: 'da' });

    const audit = server.db.prepare("SELECT action, entity_id, after_json FROM audit_entries WHERE entity = 'instrument_wording'").all() as { action: string; entity_id: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('load');
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ source: swedish.source, sha256: loaded.body.wording.history[0].sha256, complete: ['eq5d5l:sv', 'eq5d3l:sv', 'gse:sv'] });

    // a second load is in use from now on; the first stays in the history
    const all = await server.as('admin').send('PUT', '/api/instrument-wording', syntheticWording());
    expect(all.body.wording.history).toHaveLength(2);
    expect(all.body.wording.completeness.every((c: { complete: boolean }) => c.complete)).toBe(true);
  });

  it('refuses a wording of the wrong shape naming each problem, and saves nothing', async () => {
    const count = () => server.db.prepare('SELECT count(*) AS n FROM instrument_wordings').get();
    const before = count();
    const bad = await server.as('admin').send('PUT', '/api/instrument-wording', {
      source: 'SYNTHETIC', forms: { eq5d9l: {}, gse: { fields: { gse_01: { labels: { xx: 'x' } }, gse_99: {} } } },
    });
    expect(bad.status).toBe(400);
    const messages = bad.body.error.fields.map((f: { message: string }) => f.message);
    expect(messages).toEqual(expect.arrayContaining(['forms.eq5d9l: unknown form', "forms.gse.fields.gse_01.labels: unknown language 'xx'", 'forms.gse.fields.gse_99: unknown field of gse']));
    expect((await server.as('admin').send('PUT', '/api/instrument-wording', { forms: {} })).status).toBe(400);
    expect(count()).toEqual(before);
  });
});

describe('api: instrument wording from the server file', () => {
  it('shows the file as the origin and refuses loading in the web', async () => {
    const server = await createTestServer({ licensedWording: wordingFile('file-wording.json', JSON.stringify(WORDING)) });
    try {
      const status = await server.as('admin').get('/api/instrument-wording');
      expect(status.body.wording).toMatchObject({ origin: 'file', source: WORDING.source });
      const put = await server.as('admin').send('PUT', '/api/instrument-wording', syntheticWording());
      expect(put.status).toBe(409);
      expect(put.body.error.code).toBe('wording_from_file');
    } finally {
      server.close();
    }
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

describePermissionMatrix('instrument wording', [
  { method: 'GET', path: '/api/instrument-wording', allow: ['admin', 'trial_manager'] },
  { method: 'PUT', path: '/api/instrument-wording', body: { source: '' }, allow: ['admin'] },
]);
