/**
 * The worklist and the participants list on the real server: due, overdue
 * and missed assessments filtered by site, coach, timepoint and state, most
 * urgent first; participants searched by study id (and by name only for the
 * roles that may see names), filtered, sorted and paged on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findParticipantByStudyId } from '../../../server/db/queries/participants';
import { seedFromText } from '../../../server/randomization/seed';
import { addCalendarMonths, addDays } from '../../../server/schedule/calendar';
import { allocate } from '../../../server/services/allocations';
import { SYSTEM_ACTOR } from '../../../server/services/audit';
import { studyToday } from '../../../server/services/participant-access';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeReady, register, registration } from './fixtures';

const RANK: Record<string, number> = { overdue: 0, open: 1, missed: 2, upcoming: 3 };

describe('worklist and participants list', () => {
  let server: TestServer;
  const studyIds: string[] = [];

  beforeAll(async () => {
    server = await createTestServer();
    for (let n = 1; n <= 14; n += 1) studyIds.push(await register(server, n % 2 ? 'TST-A' : 'TST-B', n));
    // randomized so that the 6-month assessment is overdue, open (B-2), missed, open at site B (B-4)
    const today = studyToday(server.db);
    const sixMonthsAgo = (days: number) => addDays(addCalendarMonths(today, -6), days);
    const dates = [sixMonthsAgo(-10), sixMonthsAgo(3), sixMonthsAgo(-40), sixMonthsAgo(5)];
    for (const [i, date] of dates.entries()) {
      await makeReady(server, studyIds[i]);
      allocate(server.db, seedFromText('worklist'), SYSTEM_ACTOR, findParticipantByStudyId(server.db, studyIds[i])!, date);
    }
    const coach = await server.as('trial_manager').send('PATCH', `/api/participants/${studyIds[0]}`, { coach_id: server.ids.coach });
    expect(coach.status, coach.text).toBe(200);
  }, 60_000);
  afterAll(() => server?.close());

  const due = async (query: string, who: 'trial_manager' | 'coach' = 'trial_manager') => {
    const res = await server.as(who).get(`/api/assessments/due?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body.assessments as { studyId: string; timepoint: number; state: string; siteId: number; coachId: number | null; windowEnd: string }[];
  };

  it('lists overdue, open and missed assessments most urgent first', async () => {
    const list = await due('state=open,overdue,missed');
    expect(new Set(list.map((a) => a.state))).toEqual(new Set(['overdue', 'open', 'missed']));
    const ranks = list.map((a) => RANK[a.state]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const open = list.filter((a) => a.state === 'open').map((a) => a.windowEnd);
    expect(open).toEqual([...open].sort());
    expect(list.find((a) => a.studyId === studyIds[0] && a.timepoint === 6)?.state).toBe('overdue');
    expect(list.find((a) => a.studyId === studyIds[2] && a.timepoint === 6)?.state).toBe('missed');
  });

  it('filters by timepoint, site, coach and state', async () => {
    const six = await due('state=open,overdue,missed&timepoint=6');
    expect(six.map((a) => a.studyId).sort()).toEqual(studyIds.slice(0, 4).sort());
    expect(await due('state=open,overdue,missed&timepoint=12')).toEqual([]);
    const siteB = await due('site=TST-B&state=open,overdue,missed');
    expect(siteB.length).toBeGreaterThan(0);
    expect(siteB.every((a) => a.studyId.startsWith('TST-B-'))).toBe(true);
    expect((await due(`coach=${server.ids.coach}&state=open,overdue,missed`)).map((a) => a.studyId)).toEqual([studyIds[0]]);
    expect((await due('coach=me&state=overdue', 'coach')).map((a) => a.studyId)).toEqual([studyIds[0]]);
    expect((await due('state=missed')).every((a) => a.state === 'missed')).toBe(true);
  });

  it('refuses unknown timepoints and states, naming the parameter', async () => {
    const res = await server.as('trial_manager').get('/api/assessments/due?timepoint=7&state=late');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['state', 'timepoint']);
  });

  const participants = async (query: string, who: 'trial_manager' | 'coach' | 'data_monitor' = 'trial_manager') => {
    const res = await server.as(who).get(`/api/participants?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body as { participants: { studyId: string; site: string; stage: string; arm: string | null }[]; total: number; page: number | null; perPage: number | null };
  };

  it('pages on the server: every participant once, in order, with the total', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const answer = await participants(`per_page=5&page=${page}`);
      expect(answer.total).toBe(14);
      expect(answer.participants.length).toBe(page < 3 ? 5 : 4);
      seen.push(...answer.participants.map((p) => p.studyId));
    }
    expect(seen).toEqual([...studyIds].sort());
    const descending = await participants('per_page=3&sort=-study_id');
    expect(descending.participants.map((p) => p.studyId)).toEqual([...studyIds].sort().reverse().slice(0, 3));
    expect((await participants('')).participants.length).toBe(14); // no paging asked: every row (dashboard counts)
  });

  it('filters by site, stage and arm', async () => {
    const siteA = await participants('site=TST-A');
    expect(siteA.total).toBe(7);
    expect(siteA.participants.every((p) => p.site === 'TST-A')).toBe(true);
    const randomized = await participants('stage=randomized');
    expect(randomized.participants.map((p) => p.studyId).sort()).toEqual(studyIds.slice(0, 4).sort());
    const none = await participants('arm=none');
    expect(none.total).toBe(10);
    const ips = await participants('arm=ips');
    const control = await participants('arm=control');
    expect(ips.total + control.total).toBe(4);
  });

  it('searches by study id for every role, by name only for roles that may see names', async () => {
    const fragment = studyIds[5].slice(-4);
    expect((await participants(`q=${fragment}`, 'data_monitor')).participants.map((p) => p.studyId)).toContain(studyIds[5]);
    const name = encodeURIComponent(registration('TST-B', 8).identity.person_name.toLowerCase());
    expect((await participants(`q=${name}`)).participants.map((p) => p.studyId)).toEqual([studyIds[7]]);
    expect((await participants(`q=${name}`, 'data_monitor')).total).toBe(0);
    // a coach sees names of their own site (TST-A) only
    const nameAtA = encodeURIComponent(registration('TST-A', 3).identity.person_name);
    expect((await participants(`q=${nameAtA}`, 'coach')).participants.map((p) => p.studyId)).toEqual([studyIds[2]]);
    expect((await participants(`q=${name}`, 'coach')).total).toBe(0);
    const answer = await participants(`q=${name}`);
    expect(JSON.stringify(answer)).not.toContain('Testperson');
  });

  it('refuses unknown parameters and bad paging, naming each', async () => {
    const res = await server.as('trial_manager').get('/api/participants?sort=name&per_page=500&colour=red');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['colour', 'per_page', 'sort']);
  });
});
