/** Bad input to the operations endpoints: a clear 4xx naming the field, and nothing saved. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEntries } from '../../../server/db/queries/audit-entries';
import { createTestServer, type Method, type TestServer } from '../server-core/harness';
import { register } from './fixtures';

const P = '/api/participants/TST-A-0001';

const cases: { method: Method; path: string; body: unknown; field: string }[] = [
  { method: 'POST', path: '/api/participants', body: { site: 'NOPE', referral: {}, identity: {} }, field: 'referral.referral_source' },
  { method: 'POST', path: '/api/participants', body: { site: 'TST-A', referral: { referral_source: 'psychiatry', referral_date: '2026-02-30', on_waiting_list: false }, identity: { person_name: 'Testperson Fel', personal_number: '19811218-9876' } }, field: 'referral.referral_date' },
  { method: 'POST', path: '/api/participants', body: { site: 'TST-A', referral: { referral_source: 'psychiatry', referral_date: '2026-01-02', on_waiting_list: false }, identity: { person_name: 'Testperson Fel', personal_number: '19811218-9876' }, extra: 1 }, field: 'extra' },
  { method: 'PUT', path: `${P}/screening`, body: { screening: { screening_date: 'yesterday' } }, field: 'screening.screening_date' },
  { method: 'PUT', path: `${P}/screening`, body: [1, 2], field: '' },
  { method: 'PUT', path: `${P}/consent`, body: { consent: { consent_version: '1.0', consent_date: '2026-01-01', consent_research: 'yes', consent_info_exchange: true } }, field: 'consent.consent_research' },
  { method: 'PUT', path: `${P}/withdrawal`, body: { withdrawal: { withdrawal_date: '2026-01-01', withdrawal_data_use: 'some' } }, field: 'withdrawal.withdrawal_data_use' },
  { method: 'POST', path: '/api/time-logs', body: { entry: { log_date: '2026-01-01', staff_role: 'ips_specialist', activity: 'travel', minutes: 2000, log_scope: 'site' }, site: 'TST-A' }, field: 'entry.minutes' },
  { method: 'POST', path: '/api/time-logs', body: { entries: 'all of them' }, field: 'entries' },
  { method: 'POST', path: `${P}/episodes`, body: { episode: { episode_type: 'dream_job', episode_start_date: '2026-01-01' } }, field: 'episode.episode_type' },
  { method: 'POST', path: `${P}/statuses`, body: { status: { status_date: '2026-01-01', process_stage: 'flying' } }, field: 'status.process_stage' },
  { method: 'POST', path: '/api/fidelity-reviews', body: { site: 'TST-A', review: { review_date: '2026-01-01', review_type: 'independent', reviewers: 'X', fid_01: 6 } }, field: 'review.fid_01' },
  { method: 'PUT', path: '/api/study-settings', body: { windowDaysBefore: -3 }, field: 'windowDaysBefore' },
  { method: 'PUT', path: '/api/study-settings', body: { eq5dValueSetId: 'made-up' }, field: 'eq5dValueSetId' },
  { method: 'POST', path: `${P}/allocation/corrections`, body: { arm: 'placebo', reason: 'x' }, field: 'arm' },
];

describe('bad input to trial operations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    await register(server, 'TST-A', 1);
  });
  afterAll(() => server.close());

  it.each(cases.map((c) => [`${c.method} ${c.path} → ${c.field || 'body'}`, c] as const))('%s', async (_name, c) => {
    const before = countAuditEntries(server.db, {});
    const res = await server.as('admin').send(c.method, c.path, c.body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    if (c.field) expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(c.field);
    expect(countAuditEntries(server.db, {})).toBe(before);
  });

  it('answers 404 for unknown participants, episodes and sites', async () => {
    const admin = server.as('admin');
    expect((await admin.get('/api/participants/TST-A-9999')).status).toBe(404);
    expect((await admin.get('/api/participants/%27;DROP')).status).toBe(404);
    expect((await admin.send('PUT', `${P}/episodes/12345`, { episode: { episode_type: 'competitive', episode_start_date: '2026-01-01' }, reason: 'x' })).status).toBe(404);
    expect((await admin.get('/api/fidelity-reviews?site=NOPE')).status).toBe(404);
  });
});
