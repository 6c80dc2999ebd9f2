import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { createTestServer, type TestServer } from '../server-core/harness';
import { register } from './fixtures';

const entry = (over: Record<string, unknown> = {}) => ({ log_date: '2026-03-02', staff_role: 'ips_specialist', activity: 'participant_meeting', minutes: 45, log_scope: 'participant', ...over });

describe('api: time logs, caseload, episodes, statuses, fidelity', () => {
  let server: TestServer;
  let studyA: string;
  let studyB: string;
  let idA: number;
  beforeAll(async () => {
    server = await createTestServer();
    studyA = await register(server, 'TST-A', 1);
    studyB = await register(server, 'TST-B', 2);
    idA = (await server.as('admin').get(`/api/participants/${studyA}`)).body.participant.id;
  });
  afterAll(() => server.close());

  it('saves a week of rows together, or none when one row is wrong', async () => {
    const coach = server.as('coach');
    const count = () => (server.db.prepare('SELECT COUNT(*) AS n FROM time_logs').get() as { n: number }).n;
    const bad = await coach.send('POST', '/api/time-logs', { entries: [{ entry: entry(), participantId: idA }, { entry: entry({ minutes: 0 }), participantId: idA }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('entries[1].entry.minutes');
    expect(count()).toBe(0);
    const week = await coach.send('POST', '/api/time-logs', {
      entries: [
        { entry: entry(), participantId: idA },
        { entry: entry({ log_date: '2026-03-03', activity: 'employer_contact', log_scope: 'site' }), site: 'TST-A' },
      ],
    });
    expect(week.status, JSON.stringify(week.body)).toBe(201);
    expect(week.body.timeLogs.map((r: { study_id: string | null; site: string }) => [r.study_id, r.site])).toEqual([[studyA, 'TST-A'], [null, 'TST-A']]);
    const otherSite = await coach.send('POST', '/api/time-logs', { entry: entry({ log_scope: 'site' }), site: 'TST-B' });
    expect(otherSite.status).toBe(400);
    expect(count()).toBe(2);
    const listed = await coach.get('/api/time-logs?from=2026-03-02&to=2026-03-08');
    expect(listed.body.timeLogs).toHaveLength(2);
    const id = listed.body.timeLogs[0].id;
    expect((await coach.send('DELETE', `/api/time-logs/${id}`, {})).status).toBe(400);
    expect((await coach.send('DELETE', `/api/time-logs/${id}`, { reason: 'Entered twice' })).status).toBe(204);
  });

  it('warns when a coach has more than 20 active IPS participants', async () => {
    const res = await server.as('trial_manager').get('/api/caseloads');
    expect(res.body.caseloads.limit).toBe(20);
    const coach = res.body.caseloads.coaches.find((c: { coach_id: number }) => c.coach_id === server.ids.coach);
    expect(coach).toMatchObject({ active_participants: 0, overLimit: false });
  });

  it('keeps episodes with a reason for corrections, and the status history', async () => {
    const coach = server.as('coach');
    const episode = { episode_type: 'competitive', episode_start_date: '2026-04-01', hours_per_week: 20, wage_subsidy: false };
    const created = await coach.send('POST', `/api/participants/${studyA}/episodes`, { episode });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const backwards = await coach.send('POST', `/api/participants/${studyA}/episodes`, { episode: { ...episode, episode_end_date: '2026-03-01' } });
    expect(backwards.body.error.fields[0].field).toBe('episode.episode_end_date');
    const url = `/api/participants/${studyA}/episodes/${created.body.episode.id}`;
    expect((await coach.send('PUT', url, { episode: { ...episode, episode_end_date: '2026-06-30' } })).body.error.code).toBe('reason_required');
    const ended = await coach.send('PUT', url, { episode: { ...episode, episode_end_date: '2026-06-30' }, reason: 'Job ended' });
    expect(ended.body.episode.episode_end_date).toBe('2026-06-30');
    expect((await coach.send('POST', `/api/participants/${studyB}/episodes`, { episode })).status).toBe(404);

    await coach.send('POST', `/api/participants/${studyA}/statuses`, { status: { status_date: '2026-03-01', process_stage: 'job_search' } });
    const noReason = await coach.send('POST', `/api/participants/${studyA}/statuses`, { status: { status_date: '2026-04-01', process_stage: 'ended' } });
    expect(noReason.status).toBe(400);
    await coach.send('POST', `/api/participants/${studyA}/statuses`, { status: { status_date: '2026-04-01', process_stage: 'employed' } });
    const history = await server.as('data_monitor').get(`/api/participants/${studyA}/statuses`);
    expect(history.body.current.process_stage).toBe('employed');
    expect(history.body.history.map((s: { process_stage: string }) => s.process_stage)).toEqual(['job_search', 'employed']);
  });

  it('scores fidelity reviews and shows the trend per site', async () => {
    const tm = server.as('trial_manager');
    const items = (score: (i: number) => number) => Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`fid_${String(i + 1).padStart(2, '0')}`, score(i)]));
    const review = (date: string, score: (i: number) => number) => ({ ...syntheticAnswers('fidelity_review', () => 0, {}, false), review_date: date, review_type: 'independent', reviewers: 'Granskare Ett, Granskare Två', ...items(score) });
    const first = await tm.send('POST', '/api/fidelity-reviews', { site: 'TST-A', review: review('2026-02-01', (i) => (i < 21 ? 3 : 2)) });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.review).toMatchObject({ total: 71, band: 'not_ips' });
    const second = await tm.send('POST', '/api/sites/TST-A/fidelity-reviews', { review: review('2026-08-01', (i) => (i < 24 ? 4 : 3)) });
    expect(second.body.review).toMatchObject({ total: 99, band: 'fair' });
    const trend = await server.as('evaluator').get('/api/fidelity-reviews?site=TST-A');
    expect(trend.body.reviews.map((r: { total: number; changeSincePrevious: number | null }) => [r.total, r.changeSincePrevious])).toEqual([[71, null], [99, 28]]);
  });
});
