import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { findParticipantByStudyId } from '../../../server/db/queries/participants';
import { allocate } from '../../../server/services/allocations';
import { assessmentsOf, dueAssessments, reminders } from '../../../server/services/assessments';
import { recordWithdrawal } from '../../../server/services/participants';
import { studyToday } from '../../../server/services/participant-access';
import { saveResponse } from '../../../server/services/responses';
import { SYSTEM_ACTOR } from '../../../server/services/audit';
import { seedFromText } from '../../../server/randomization/seed';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeReady, register } from './fixtures';

describe('schedule: states, due lists and reminders on the real database', () => {
  let server: TestServer;
  let first: number;
  let second: number;
  const seed = seedFromText('schedule test');

  beforeAll(async () => {
    server = await createTestServer();
    const a = await register(server, 'TST-A', 1);
    const b = await register(server, 'TST-B', 2);
    first = await makeReady(server, a);
    second = await makeReady(server, b);
    // randomized on 31 January 2028 (a leap year) through the service, so the dates are fixed
    allocate(server.db, seed, SYSTEM_ACTOR, findParticipantByStudyId(server.db, a)!, '2028-01-31');
    allocate(server.db, seed, SYSTEM_ACTOR, findParticipantByStudyId(server.db, b)!, '2028-02-29');
  });
  afterAll(() => server.close());

  it('schedules month ends and leap days as documented', () => {
    expect(assessmentsOf(server.db, first, '2028-02-01').map((a) => a.targetDate)).toEqual(['2028-01-31', '2028-07-31', '2029-01-31', '2029-07-31', '2030-01-31']);
    expect(assessmentsOf(server.db, second, '2028-03-01').map((a) => a.targetDate)).toEqual(['2028-02-29', '2028-08-29', '2029-02-28', '2029-08-29', '2030-02-28']);
  });

  it('lists an assessment as due from the first to the last day of its window, per site', () => {
    const six = (today: string) => dueAssessments(server.db, { siteIds: null }, today).filter((a) => a.participantId === first && a.timepoint === 6);
    expect(six('2028-07-16')).toHaveLength(0);
    expect(six('2028-07-17')[0].state).toBe('open');
    expect(six('2028-07-31')[0].state).toBe('open');
    expect(six('2028-08-01')[0].state).toBe('overdue');
    expect(six('2028-08-28')[0].state).toBe('overdue');
    expect(six('2028-08-29')).toHaveLength(0);
    const siteA = server.db.prepare("SELECT id FROM sites WHERE code = 'TST-A'").get() as { id: number };
    const perSite = dueAssessments(server.db, { siteIds: [siteA.id] }, '2028-08-20');
    expect(perSite.map((a) => a.studyId)).toEqual(['TST-A-0001']);
    expect(dueAssessments(server.db, { siteIds: null, states: ['missed'] }, '2028-08-29').map((a) => a.studyId)).toEqual(['TST-A-0001']);
  });

  it('drops an assessment from the reminders as soon as its last form is complete', () => {
    const today = '2028-07-20';
    const participant = findParticipantByStudyId(server.db, 'TST-A-0001')!;
    const forms = ['eq5d5l', 'gse', 'service_use'];
    for (const form of forms) {
      expect(reminders(server.db, { siteIds: null }, today).some((a) => a.participantId === first && a.timepoint === 6)).toBe(true);
      saveResponse(server.db, SYSTEM_ACTOR, 'staff', participant, randomUUID(), { timepoint: 6, form, answers: syntheticAnswers(form), revision: 1, complete: true, answered_on: today }, new Date(`${today}T12:00:00Z`));
    }
    expect(reminders(server.db, { siteIds: null }, today).some((a) => a.participantId === first && a.timepoint === 6)).toBe(false);
    expect(assessmentsOf(server.db, first, today)[1].state).toBe('completed');
  });

  it('marks later assessments withdrawn after a withdrawal and keeps past missed ones missed', () => {
    const participant = findParticipantByStudyId(server.db, 'TST-B-0001')!;
    recordWithdrawal(server.db, SYSTEM_ACTOR, participant, { withdrawal_date: '2029-03-15', withdrawal_data_use: 'collected_only' }, undefined, new Date('2029-03-15T12:00:00Z'));
    const states = assessmentsOf(server.db, second, '2029-06-01').map((a) => a.state);
    expect(states).toEqual(['completed', 'missed', 'withdrawn', 'withdrawn', 'withdrawn']);
    expect(reminders(server.db, { siteIds: null }, '2029-08-20').some((a) => a.participantId === second)).toBe(false);
  });

  it('dates "today" in the study time zone', async () => {
    const lateEvening = new Date('2026-06-30T22:30:00Z');
    expect(studyToday(server.db, lateEvening)).toBe('2026-07-01');
    expect((await server.as('admin').send('PUT', '/api/study-settings', { timeZone: 'Mars/Olympus' })).body.error.fields[0].field).toBe('timeZone');
    expect((await server.as('admin').send('PUT', '/api/study-settings', { timeZone: 'UTC' })).status).toBe(200);
    expect(studyToday(server.db, lateEvening)).toBe('2026-06-30');
  });
});
