/**
 * Corrections of time logs, employment episodes, process statuses and
 * fidelity reviews through the one correction history: each needs a reason
 * and a change, is validated and dated as a new record, changes the current
 * value (the export's timelogs.csv and employment.csv, the fidelity total and
 * band) and keeps the earlier value with before/after in the history and
 * the audit trail, whose chain still verifies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { pseudonymizer } from '../../../server/export/pseudonym';
import { cliActor, verifyAudit } from '../../../server/services/audit';
import { runExport } from '../../../server/services/exports';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeReady, register } from './fixtures';

function csvRows(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split(','));
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

describe('api: corrections of time logs, episodes, statuses and fidelity reviews', () => {
  let server: TestServer;
  let studyId: string;
  let participantId: number;
  let logId: number;
  let episodeId: number;
  const entry = { log_date: '2026-03-02', staff_role: 'ips_specialist', activity: 'participant_meeting', minutes: 45, log_scope: 'participant' };

  beforeAll(async () => {
    server = await createTestServer();
    studyId = await register(server, 'TST-A', 31);
    participantId = await makeReady(server, studyId);
    expect((await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`)).status).toBe(201);
    const log = await server.as('coach').send('POST', '/api/time-logs', { entry, participantId });
    expect(log.status, JSON.stringify(log.body)).toBe(201);
    logId = log.body.timeLog.id;
    const today = new Date().toISOString().slice(0, 10);
    const episode = await server.as('coach').send('POST', `/api/participants/${studyId}/episodes`, { episode: { episode_type: 'competitive', episode_start_date: today, hours_per_week: 20 } });
    expect(episode.status, JSON.stringify(episode.body)).toBe(201);
    episodeId = episode.body.episode.id;
  }, 60_000);
  afterAll(() => server?.close());

  it('corrects the minutes and activity of a time log with a reason; refuses no reason, no change, a future date and another coach', async () => {
    const coach = server.as('coach');
    const url = `/api/time-logs/${logId}/corrections`;
    expect((await coach.send('POST', url, { entry: { minutes: 60 } })).body.error).toMatchObject({ code: 'reason_required', fields: [{ field: 'reason' }] });
    expect((await coach.send('POST', url, { entry: { minutes: 45 }, reason: 'Checked the calendar' })).body.error).toMatchObject({ code: 'no_change', fields: [{ field: 'entry' }] });
    expect((await coach.send('POST', url, { entry: { minutes: 2000 }, reason: 'x' })).body.error.fields[0].field).toBe('entry.minutes');
    const future = await coach.send('POST', url, { entry: { log_date: '2999-01-01' }, reason: 'x' });
    expect(future.body.error).toMatchObject({ code: 'implausible_date', fields: [expect.objectContaining({ field: 'entry.log_date', code: 'in_future' })] });
    expect((await coach.send('POST', url, { entry: { log_scope: 'site' }, reason: 'x' })).body.error.fields[0].field).toBe('entry.log_scope');
    expect((await server.as('data_monitor').send('POST', url, { entry: { minutes: 60 }, reason: 'x' })).status).toBe(403);
    const res = await coach.send('POST', url, { entry: { minutes: 60, activity: 'employer_contact' }, reason: 'Meeting ran longer; it was with the employer' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.timeLog).toMatchObject({ minutes: 60, activity: 'employer_contact', log_date: '2026-03-02' });
    expect(res.body.correction.changes).toEqual({ activity: { before: 'participant_meeting', after: 'employer_contact' }, minutes: { before: 45, after: 60 } });
    const history = await server.as('data_monitor').get(url);
    expect(history.body.corrections).toHaveLength(1);
    expect(history.body.corrections[0].before).toMatchObject({ minutes: 45, activity: 'participant_meeting' });
  });

  it('ends an episode by correcting its end date, refuses an end before the start, and deletes one with a reason', async () => {
    const coach = server.as('coach');
    const url = `/api/participants/${studyId}/episodes/${episodeId}/corrections`;
    const early = await coach.send('POST', url, { episode: { episode_end_date: '2026-01-20' }, reason: 'Job ended' });
    expect(early.body.error.fields.map((f: { field: string }) => f.field)).toContain('episode.episode_end_date');
    const today = new Date().toISOString().slice(0, 10);
    const ended = await coach.send('POST', url, { episode: { episode_end_date: today, hours_per_week: 25 }, reason: 'Job ended; hours were 25' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(201);
    expect(ended.body.episode).toMatchObject({ episode_end_date: today, hours_per_week: 25 });
    expect(ended.body.correction.changes).toEqual({ episode_end_date: { before: null, after: today }, hours_per_week: { before: 20, after: 25 } });
    const reopened = await coach.send('POST', url, { episode: { episode_end_date: null }, reason: 'Ended by mistake: still employed' });
    expect(reopened.status).toBe(201);
    expect(reopened.body.episode.episode_end_date).toBeUndefined();
    expect((await server.as('data_monitor').get(url)).body.corrections).toHaveLength(2);

    const mistake = await coach.send('POST', `/api/participants/${studyId}/episodes`, { episode: { episode_type: 'work_trial', episode_start_date: '2026-02-01' } });
    const del = `/api/participants/${studyId}/episodes/${mistake.body.episode.id}`;
    expect((await coach.send('DELETE', del, {})).body.error.code).toBe('reason_required');
    expect((await coach.send('DELETE', del, { reason: 'Entered for the wrong participant' })).status).toBe(204);
    const episodes = (await coach.get(`/api/participants/${studyId}/episodes`)).body.episodes;
    expect(episodes.map((e: { id: number }) => e.id)).toEqual([episodeId]);
    const all = (await server.as('trial_manager').get(`/api/participants/${studyId}/corrections`)).body.corrections;
    const deleted = all.find((c: { action: string; recordKind: string }) => c.action === 'delete' && c.recordKind === 'employment_episode');
    expect(deleted).toMatchObject({ recordId: mistake.body.episode.id, reason: 'Entered for the wrong participant', after: null });
    expect(deleted.before).toMatchObject({ episode_type: 'work_trial', episode_start_date: '2026-02-01' });
  });

  it('corrects a process status, keeping ended_reason only for ended', async () => {
    const coach = server.as('coach');
    const made = await coach.send('POST', `/api/participants/${studyId}/statuses`, { status: { status_date: '2026-02-01', process_stage: 'job_search' } });
    const url = `/api/participants/${studyId}/statuses/${made.body.status.id}/corrections`;
    const noReason = await coach.send('POST', url, { status: { process_stage: 'ended' }, reason: 'Wrong stage' });
    expect(noReason.body.error.fields[0].field).toBe('status.ended_reason');
    const res = await coach.send('POST', url, { status: { process_stage: 'profile', status_date: '2026-02-03' }, reason: 'Profile work, entered under the wrong stage' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const history = (await coach.get(`/api/participants/${studyId}/statuses`)).body.history;
    expect(history.find((s: { id: number }) => s.id === made.body.status.id)).toMatchObject({ process_stage: 'profile', status_date: '2026-02-03' });
    expect((await coach.get(url)).body.corrections[0].changes.process_stage).toEqual({ before: 'job_search', after: 'profile' });
  });

  it('corrects a fidelity review item and scores it again (trial manager only)', async () => {
    const items = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`fid_${String(i + 1).padStart(2, '0')}`, 4]));
    const review = { ...syntheticAnswers('fidelity_review', () => 0, {}, false), review_date: '2026-05-01', review_type: 'independent', reviewers: 'Granskare Ett', ...items };
    const made = await server.as('trial_manager').send('POST', '/api/fidelity-reviews', { site: 'TST-A', review });
    expect(made.body.review.total).toBe(100);
    const url = `/api/fidelity-reviews/${made.body.review.id}/corrections`;
    expect((await server.as('coach').send('POST', url, { review: { fid_01: 5 }, reason: 'x' })).status).toBe(403);
    const res = await server.as('trial_manager').send('POST', url, { review: { fid_01: 5, fid_02: 5 }, reason: 'Items 1 and 2 were scored from an old draft' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.review).toMatchObject({ total: 102, band: 'good', fid_01: 5 });
    expect(res.body.correction.changes.total).toEqual({ before: 100, after: 102 });
    const trend = (await server.as('evaluator').get('/api/fidelity-reviews?site=TST-A')).body.reviews;
    expect(trend.find((r: { id: number }) => r.id === made.body.review.id).total).toBe(102);
  });

  it('exports the corrected time log and episode, audits each correction with before/after, and the chain verifies', () => {
    const folder = join(server.dir, 'export-corrections');
    runExport(server.db, server.config, cliActor(), folder, { pidMode: 'keyed', k: 1 });
    const pid = pseudonymizer('keyed', server.db, server.config.secretsDir)(participantId);
    const logs = csvRows(join(folder, 'timelogs.csv')).filter((r) => r.pid === pid);
    expect(logs.map((r) => [r.activity, r.minutes])).toEqual([['employer_contact', '60']]);
    const episodes = csvRows(join(folder, 'employment.csv')).filter((r) => r.pid === pid);
    expect(episodes.map((r) => [r.type, r.hours_per_week, r.end_day])).toEqual([['competitive', '25', '']]);
    const [audit] = findAuditEntries(server.db, { entity: 'time_log', entityId: String(logId), action: 'correct' }, 5, 0);
    expect(JSON.parse(audit.before_json!)).toEqual({ activity: 'participant_meeting', minutes: 45 });
    expect(JSON.parse(audit.after_json!)).toEqual({ activity: 'employer_contact', minutes: 60 });
    expect(audit.reason).toBe('Meeting ran longer; it was with the employer');
    expect(verifyAudit(server.db).ok).toBe(true);
  });

  it('keeps the history append-only: the database refuses to change or remove a correction', () => {
    expect(() => server.db.prepare("UPDATE record_corrections SET reason = 'rewritten'").run()).toThrow(/UPDATE refused/);
    expect(() => server.db.prepare('DELETE FROM record_corrections').run()).toThrow(/DELETE refused/);
  });
});
