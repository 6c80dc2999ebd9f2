import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { addDays } from '../../../server/schedule/calendar';
import { latestPlausibleDate } from '../../../server/services/date-plausibility';
import { createTestServer, type TestServer } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, makeReady, register, registration } from './fixtures';

/** The refused field of a 400 implausible_date answer. */
function refusal(res: { status: number; body: { error?: { code: string; fields?: { field: string; limit?: string; code?: string; message: string }[] } } }) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error?.code).toBe('implausible_date');
  return res.body.error!.fields!;
}

describe('api: implausible dates are refused, naming the field and the limit', () => {
  let server: TestServer;
  let studyId: string;
  const tomorrowSomewhere = () => addDays(latestPlausibleDate(new Date()), 1);

  beforeAll(async () => {
    server = await createTestServer();
    studyId = await register(server, 'TST-A', 1); // referred 2026-01-10 (fixtures)
  });
  afterAll(() => server.close());

  it('refuses a referral dated after today (in any time zone) or on 9999-12-31', async () => {
    for (const date of [tomorrowSomewhere(), '2030-05-01', '9999-12-31']) {
      const body = registration('TST-A', 2);
      const res = await server.as('trial_manager').send('POST', '/api/participants', { ...body, referral: { ...body.referral, referral_date: date } });
      const [field] = refusal(res);
      expect(field).toMatchObject({ field: 'referral.referral_date', code: 'in_future', limit: latestPlausibleDate(new Date()) });
      expect(field.message).toContain(date);
    }
    const before = await server.as('admin').get('/api/participants');
    expect(before.body.participants).toHaveLength(1);
  });

  it('accepts a referral dated today in the time zone furthest ahead', async () => {
    const body = registration('TST-B', 3);
    const res = await server.as('trial_manager').send('POST', '/api/participants', { ...body, referral: { ...body.referral, referral_date: latestPlausibleDate(new Date()) } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('refuses screening and consent dated before the referral', async () => {
    const tm = server.as('trial_manager');
    const screening = await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: { ...ELIGIBLE_SCREENING, screening_date: '2025-12-31' } });
    expect(refusal(screening)[0]).toMatchObject({ field: 'screening.screening_date', code: 'before_referral', limit: '2026-01-10' });
    expect((await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING })).status).toBe(200);
    const consent = await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: { ...FULL_CONSENT, consent_date: '2023-03-01' } });
    expect(refusal(consent)[0]).toMatchObject({ field: 'consent.consent_date', code: 'before_referral', limit: '2026-01-10' });
    const future = await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: { ...FULL_CONSENT, consent_date: '9999-12-31' } });
    expect(refusal(future)[0]).toMatchObject({ field: 'consent.consent_date', code: 'in_future' });
  });

  it('refuses moving the referral after the screening that follows it', async () => {
    const body = registration('TST-A', 1);
    const res = await server.as('trial_manager').send('PATCH', `/api/participants/${studyId}`, { referral: { ...body.referral, referral_date: '2026-01-20' }, reason: 'typo' });
    expect(refusal(res)[0]).toMatchObject({ field: 'referral.referral_date', code: 'after_screening', limit: ELIGIBLE_SCREENING.screening_date });
  });

  it('refuses time logs, episodes and statuses dated before the referral or in the future', async () => {
    const admin = server.as('admin');
    const id = (await admin.get(`/api/participants/${studyId}`)).body.participant.id as number;
    const log = (log_date: string) => ({ entry: { log_date, staff_role: 'ips_specialist', activity: 'participant_meeting', minutes: 30, log_scope: 'participant' }, participantId: id });
    expect(refusal(await admin.send('POST', '/api/time-logs', log('2029-02-01')))[0]).toMatchObject({ field: 'entry.log_date', code: 'in_future' });
    expect(refusal(await admin.send('POST', '/api/time-logs', { entries: [log('2026-02-01'), log('2025-11-30')] }))[0]).toMatchObject({ field: 'entries[1].entry.log_date', code: 'before_referral', limit: '2026-01-10' });
    expect((await admin.send('POST', '/api/time-logs', log('2026-02-01'))).status).toBe(201);

    const episode = (e: Record<string, unknown>) => admin.send('POST', `/api/participants/${studyId}/episodes`, { episode: { episode_type: 'competitive', hours_per_week: 20, wage_subsidy: false, ...e } });
    expect(refusal(await episode({ episode_start_date: '2031-01-01' }))[0]).toMatchObject({ field: 'episode.episode_start_date', code: 'in_future' });
    expect(refusal(await episode({ episode_start_date: '2025-06-01' }))[0]).toMatchObject({ field: 'episode.episode_start_date', code: 'before_referral', limit: '2026-01-10' });
    expect(refusal(await episode({ episode_start_date: '2026-03-01', episode_end_date: '2026-02-01' }))[0]).toMatchObject({ field: 'episode.episode_end_date', code: 'before_start', limit: '2026-03-01' });
    expect(refusal(await episode({ episode_start_date: '2026-03-01', episode_end_date: '9999-12-31' }))[0]).toMatchObject({ field: 'episode.episode_end_date', code: 'in_future' });
    expect((await episode({ episode_start_date: '2026-03-01', episode_end_date: '2026-04-01' })).status).toBe(201);

    const status = await admin.send('POST', `/api/participants/${studyId}/statuses`, { status: { status_date: '2026-01-01', process_stage: 'agreement' } });
    expect(refusal(status)[0]).toMatchObject({ field: 'status.status_date', code: 'before_referral', limit: '2026-01-10' });
  });

  it('refuses a withdrawal dated before the randomization, and a baseline birth year outside working age', async () => {
    const tm = server.as('trial_manager');
    const other = await register(server, 'TST-B', 4);
    const id = (await tm.get(`/api/participants/${other}`)).body.participant.id as number;
    await makeReady(server, other);
    const tooOld = await tm.send('PUT', `/api/responses/${crypto.randomUUID()}`, { participantId: id, timepoint: 0, form: 'baseline', answers: syntheticAnswers('baseline', () => 0, { birth_year: 1940 }), revision: 1, complete: true, answered_on: '2026-01-14' });
    expect(refusal(tooOld)[0]).toMatchObject({ field: 'answers.birth_year', code: 'outside_working_age' });
    const allocation = await tm.send('POST', `/api/participants/${other}/allocation`);
    expect(allocation.status, JSON.stringify(allocation.body)).toBe(201);
    const randomizedOn = allocation.body.allocation.randomizedOn ?? allocation.body.allocation.randomized_on;
    const early = await tm.send('PUT', `/api/participants/${other}/withdrawal`, { withdrawal: { withdrawal_date: addDays(randomizedOn, -1), withdrawal_data_use: 'collected_only' } });
    expect(refusal(early)[0]).toMatchObject({ field: 'withdrawal.withdrawal_date', code: 'before_randomization', limit: randomizedOn });
    const late = await tm.send('PUT', `/api/participants/${other}/withdrawal`, { withdrawal: { withdrawal_date: '2030-01-01', withdrawal_data_use: 'collected_only' } });
    expect(refusal(late)[0]).toMatchObject({ field: 'withdrawal.withdrawal_date', code: 'in_future' });
  });

  it('refuses a fidelity review dated in the future or planning the next one before it', async () => {
    const review = (r: Record<string, unknown>) => server.as('trial_manager').send('POST', '/api/sites/TST-A/fidelity-reviews', { review: syntheticAnswers('fidelity_review', () => 0, r) });
    expect(refusal(await review({ review_date: '2029-01-01', next_review_date: '2029-06-01' }))[0]).toMatchObject({ field: 'review.review_date', code: 'in_future' });
    expect(refusal(await review({ review_date: '2026-02-01', next_review_date: '2026-01-01' }))[0]).toMatchObject({ field: 'review.next_review_date', code: 'before_review', limit: '2026-02-01' });
    expect(refusal(await review({ review_date: '2026-02-01', next_review_date: '9999-12-31' }))[0]).toMatchObject({ field: 'review.next_review_date', code: 'too_far_ahead' });
    expect((await review({ review_date: '2026-02-01', next_review_date: '2027-02-01' })).status).toBe(201);
  });
});
