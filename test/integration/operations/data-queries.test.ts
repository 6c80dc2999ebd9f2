import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { describePermissionMatrix } from '../server-core/permission-matrix';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { makeReady, register } from './fixtures';

const count = (server: TestServer, sql: string) => (server.db.prepare(sql).get() as { n: number }).n;

function onEq5d(studyId: string, comment = 'Mobility 5 but the coach notes say the participant runs daily; please check the paper form') {
  return { participant: studyId, recordKind: 'response', form: 'eq5d5l', timepoint: 0, field: 'eq5d_mo', comment };
}

async function waitForExport(server: TestServer, id: number) {
  for (let i = 0; i < 600; i += 1) {
    const res = await server.as('trial_manager').get(`/api/exports/${id}`);
    if (res.body.export.status !== 'running') return res.body.export;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('export did not finish');
}

describe('api: /data-queries', () => {
  let server: TestServer;
  let atA: string;
  let atB: string;
  beforeAll(async () => {
    server = await createTestServer();
    atA = await register(server, 'TST-A', 1);
    await makeReady(server, atA);
    expect((await server.as('trial_manager').send('POST', `/api/participants/${atA}/allocation`)).status).toBe(201);
    atB = await register(server, 'TST-B', 2);
  }, 60_000);
  afterAll(() => server?.close());

  it("answers a monitor's query by the coach, closes it by the monitor, and keeps every step with author and time", async () => {
    const monitor = server.as('data_monitor');
    const opened = await monitor.send('POST', '/api/data-queries', onEq5d(atA));
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.dataQuery.id as number;
    expect(opened.body.dataQuery).toMatchObject({ studyId: atA, site: 'TST-A', state: 'open', field: 'eq5d_mo', record: { kind: 'response', form: 'eq5d5l', timepoint: 0, id: null } });

    expect((await server.as('coach').get('/api/data-queries?state=open')).body.dataQueries.map((q: { id: number }) => q.id)).toEqual([id]);
    expect((await server.as('coach').get('/api/data-queries/summary')).body).toEqual({ openDataQueries: 1 });
    expect((await server.as('coach').get('/api/assessments/summary')).body.openDataQueries).toBe(1);

    const answered = await server.as('coach').send('POST', `/api/data-queries/${id}/answer`, { comment: 'Checked the paper form: it says 1, keyed in wrongly; corrected' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.dataQuery.state).toBe('answered');
    expect((await server.as('coach').get('/api/data-queries/summary')).body).toEqual({ openDataQueries: 0 });

    const reopened = await monitor.send('POST', `/api/data-queries/${id}/reopen`, { comment: 'Please also attach the corrected value' });
    expect(reopened.body.dataQuery.state).toBe('open');
    await server.as('coach').send('POST', `/api/data-queries/${id}/answer`, { comment: 'Corrected to 1 with reason "keying error"' });
    const closed = await monitor.send('POST', `/api/data-queries/${id}/close`, { comment: 'Resolved' });
    expect(closed.status).toBe(200);
    expect(closed.body.dataQuery.state).toBe('closed');

    const detail = await server.as('trial_manager').get(`/api/data-queries/${id}`);
    const comments = detail.body.dataQuery.comments as { step: string; author: string; at: string; comment: string }[];
    expect(comments.map((c) => [c.step, c.author.split('@')[0]])).toEqual([
      ['open', expect.stringContaining('monitor')],
      ['answer', expect.stringContaining('coach')],
      ['reopen', expect.stringContaining('monitor')],
      ['answer', expect.stringContaining('coach')],
      ['close', expect.stringContaining('monitor')],
    ]);
    for (const c of comments) expect(c.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(comments[1].comment).toBe('Checked the paper form: it says 1, keyed in wrongly; corrected');

    const audit = server.db.prepare("SELECT action, actor FROM audit_entries WHERE entity = 'data_query' AND entity_id = ? ORDER BY id").all(String(id)) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'answer', 'reopen', 'answer', 'close']);

    // a closed query takes no further step
    const again = await monitor.send('POST', `/api/data-queries/${id}/close`, { comment: 'again' });
    expect(again.status).toBe(409);
    expect((await monitor.get('/api/data-queries?state=closed')).body.dataQueries.map((q: { id: number }) => q.id)).toContain(id);
  });

  it('opens a query on an episode of the participant by its id', async () => {
    const episode = await server.as('coach').send('POST', `/api/participants/${atA}/episodes`, {
      episode: syntheticAnswers('employment_episode', () => 0, { episode_start_date: '2026-02-01', episode_end_date: null }),
    });
    expect(episode.status, JSON.stringify(episode.body)).toBe(201);
    const opened = await server.as('data_monitor').send('POST', '/api/data-queries', { participant: atA, recordKind: 'episode', recordId: episode.body.episode.id, field: 'episode_start_date', comment: 'Start date before the first IPS meeting?' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body.dataQuery.record).toEqual({ kind: 'episode', form: null, timepoint: null, id: episode.body.episode.id });
    const answered = await server.as('coach').send('POST', `/api/data-queries/${opened.body.dataQuery.id}/answer`, { comment: 'Confirmed with the employer' });
    expect(answered.body.dataQuery.state).toBe('answered');
    expect((await server.as('data_monitor').send('POST', `/api/data-queries/${opened.body.dataQuery.id}/close`, { comment: 'OK' })).body.dataQuery.state).toBe('closed');
  });

  it("hides another site's queries from a coach, who can neither see nor answer them", async () => {
    const opened = await server.as('data_monitor').send('POST', '/api/data-queries', { participant: atB, recordKind: 'participant', field: 'referral_date', comment: 'Referral date later than the screening?' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.dataQuery.id as number;
    expect((await server.as('coach').get(`/api/data-queries/${id}`)).status).toBe(404);
    expect((await server.as('coach').send('POST', `/api/data-queries/${id}/answer`, { comment: 'x' })).status).toBe(404);
    expect((await server.as('coach').get('/api/data-queries')).body.dataQueries.map((q: { studyId: string }) => q.studyId)).not.toContain(atB);
    expect((await server.as('trial_manager').get(`/api/data-queries?site=TST-B&state=open`)).body.dataQueries.map((q: { id: number }) => q.id)).toEqual([id]);
    expect((await server.as('trial_manager').get(`/api/data-queries?participant=${atB}`)).body.dataQueries).toHaveLength(1);
  });

  it("lists a staff member's own queries with mine=1: opened by them, with a step of theirs, or on a participant they coach", async () => {
    const all = (await server.as('trial_manager').get('/api/data-queries')).body.dataQueries as { id: number; studyId: string; openedBy: string; participantId: number }[];
    expect(all.length).toBeGreaterThan(0);
    for (const q of all) expect(q.openedBy).toContain('monitor');
    // the monitor opened every one of them
    expect((await server.as('data_monitor').get('/api/data-queries?mine=1')).body.dataQueries.map((q: { id: number }) => q.id)).toEqual(all.map((q) => q.id));
    // the trial manager took no step on any yet
    expect((await server.as('trial_manager').get('/api/data-queries?mine=1')).body.dataQueries).toEqual([]);
    // the coach answered the queries on TST-A
    const coachMine = (await server.as('coach').get('/api/data-queries?mine=1')).body.dataQueries as { studyId: string }[];
    expect(coachMine.length).toBeGreaterThan(0);
    expect(new Set(coachMine.map((q) => q.studyId))).toEqual(new Set([atA]));
    const bad = await server.as('coach').get('/api/data-queries?mine=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['mine']);
  });

  it('refuses bad input with a 400 naming each field, and stores nothing', async () => {
    const before = [count(server, 'SELECT count(*) AS n FROM data_queries'), count(server, 'SELECT count(*) AS n FROM data_query_comments'), count(server, 'SELECT count(*) AS n FROM audit_entries')];
    const monitor = server.as('data_monitor');
    const fieldsOf = (res: { body: { error: { fields: { field: string }[] } } }) => res.body.error.fields.map((f) => f.field).sort();

    const bad = await monitor.send('POST', '/api/data-queries', { participant: atA, recordKind: 'sofa', field: 'Eq5D mo!', comment: '   ', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['colour', 'comment', 'field', 'recordKind']);

    const incomplete = await monitor.send('POST', '/api/data-queries', { participant: atA, recordKind: 'response', field: 'eq5d_mo', comment: 'x' });
    expect(incomplete.status).toBe(400);
    expect(fieldsOf(incomplete)).toEqual(['form', 'timepoint']);

    const noEpisode = await monitor.send('POST', '/api/data-queries', { participant: 'NOPE-0001', recordKind: 'episode', field: 'episode_start_date', comment: 'x' });
    expect(fieldsOf(noEpisode)).toEqual(['participant', 'recordId']);

    expect(fieldsOf(await monitor.send('POST', '/api/data-queries', {}))).toEqual(['comment', 'field', 'participant', 'recordKind']);
    // the record and the field must exist
    expect(fieldsOf(await monitor.send('POST', '/api/data-queries', { ...onEq5d(atA), timepoint: 6, field: 'eq5d_colour' }))).toEqual(['field', 'timepoint']);
    expect(fieldsOf(await monitor.send('POST', '/api/data-queries', { ...onEq5d(atA), form: 'sofa_scale' }))).toEqual(['form']);
    expect(fieldsOf(await monitor.send('POST', '/api/data-queries', { participant: atA, recordKind: 'episode', recordId: 999, field: 'episode_start_date', comment: 'x' }))).toEqual(['recordId']);
    expect(fieldsOf(await monitor.send('POST', '/api/data-queries', { ...onEq5d(atA), comment: 'x'.repeat(2001) }))).toEqual(['comment']);

    const open = (await server.as('trial_manager').get('/api/data-queries?state=open')).body.dataQueries[0].id as number;
    const noComment = await server.as('coach').send('POST', `/api/data-queries/${open}/answer`, {});
    expect(noComment.status).toBe(404); // TST-B: the coach does not see it
    const tmNoComment = await server.as('trial_manager').send('POST', `/api/data-queries/${open}/answer`, { comment: '' });
    expect(tmNoComment.status).toBe(400);
    expect(fieldsOf(tmNoComment)).toEqual(['comment']);

    const badList = await monitor.get('/api/data-queries?state=pending&site=NOWHERE&participant=NOPE-1');
    expect(badList.status).toBe(400);
    expect(fieldsOf(badList)).toEqual(['participant', 'site', 'state']);

    expect([count(server, 'SELECT count(*) AS n FROM data_queries'), count(server, 'SELECT count(*) AS n FROM data_query_comments'), count(server, 'SELECT count(*) AS n FROM audit_entries')]).toEqual(before);
  });

  it('states the number of open data queries in the export README', async () => {
    await server.as('data_monitor').send('POST', '/api/data-queries', onEq5d(atA, 'Second look at mobility'));
    const counts = { open: count(server, "SELECT count(*) AS n FROM data_queries WHERE state = 'open'"), answered: count(server, "SELECT count(*) AS n FROM data_queries WHERE state = 'answered'") };
    expect(counts).toEqual({ open: 2, answered: 0 });
    const start = await server.as('trial_manager').send('POST', '/api/exports', { pidMode: 'fresh', k: 2 });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    const done = await waitForExport(server, start.body.export.id);
    expect(done.status, done.error).toBe('done');
    const readme = done.files.find((f: { name: string }) => f.name === 'README.md');
    const text = (await server.as('trial_manager').get(readme.url)).text;
    expect(text).toContain('Open data queries at export time: 2 (answered, awaiting the monitor: 0; closed: 2).');
  }, 60_000);

  it("counts a query as the coach's own (mine=1) once they are its participant's coach", async () => {
    // a new query on TST-A is the coach's only once they are its participant's coach
    const fresh = (await server.as('data_monitor').send('POST', '/api/data-queries', onEq5d(atA, 'Self-care level: please check'))).body.dataQuery.id as number;
    const coachMineIds = async () => ((await server.as('coach').get('/api/data-queries?mine=1&state=open')).body.dataQueries as { id: number }[]).map((q) => q.id);
    expect(await coachMineIds()).not.toContain(fresh);
    const coachId = (await server.as('coach').get('/api/session')).body.user.id as number;
    const assigned = await server.as('trial_manager').send('PATCH', `/api/participants/${atA}`, { coach_id: coachId });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(await coachMineIds()).toContain(fresh);
    expect(await server.as('trial_manager').send('POST', `/api/data-queries/${fresh}/answer`, { comment: 'Checked' }).then((r) => r.status)).toBe(200);
  });
});

describePermissionMatrix(
  'data queries',
  [
    { method: 'POST', path: '/api/data-queries', body: {}, allow: ['data_monitor'] },
    { method: 'GET', path: '/api/data-queries', allow: ['admin', 'trial_manager', 'coach', 'data_monitor'] },
    { method: 'GET', path: '/api/data-queries/summary', allow: ['admin', 'trial_manager', 'coach', 'data_monitor'] },
    { method: 'GET', path: '/api/data-queries/999', allow: ['admin', 'trial_manager', 'coach', 'data_monitor'] },
    { method: 'POST', path: '/api/data-queries/999/answer', body: {}, allow: ['admin', 'trial_manager', 'coach'] },
    { method: 'POST', path: '/api/data-queries/999/close', body: {}, allow: ['data_monitor'] },
    { method: 'POST', path: '/api/data-queries/999/reopen', body: {}, allow: ['data_monitor'] },
  ],
);
