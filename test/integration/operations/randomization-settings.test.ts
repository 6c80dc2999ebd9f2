import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { randomizationSeed, verifyAllocations } from '../../../server/services/allocations';
import { makeReady, registration } from './fixtures';

async function enrol(server: TestServer, site: string, n: number, coachId?: number): Promise<string> {
  const res = await server.as('trial_manager').send('POST', '/api/participants', { ...registration(site, n), ...(coachId ? { coach_id: coachId } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const studyId = res.body.participant.studyId as string;
  await makeReady(server, studyId);
  return studyId;
}

describe('randomization settings through the API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  it('stratifies by sex and allocates by minimisation when the study says so', async () => {
    const admin = server.as('admin');
    const bad = await admin.send('PUT', '/api/study-settings', { randomizationMethod: 'coin', blockSizes: [3] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['blockSizes', 'randomizationMethod']);
    const set = await admin.send('PUT', '/api/study-settings', { randomizationMethod: 'minimisation', stratifyBySex: true, minimisationProbability: 0.8 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await server.as('trial_manager').get('/api/study-settings')).body.settings.randomizationMethod).toBeUndefined();
    const arms: string[] = [];
    for (let n = 1; n <= 6; n++) {
      const studyId = await enrol(server, n % 2 ? 'TST-A' : 'TST-B', n);
      const res = await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`);
      expect(res.status).toBe(201);
      expect(res.body.allocation.method).toBe('minimisation');
      expect(res.body.allocation.stratum).toMatch(/^TST-[AB]\|sex=(female|male|other)$/);
      arms.push(res.body.allocation.arm);
    }
    const balance = (await server.as('data_monitor').get('/api/randomization/balance')).body.balance;
    expect(balance.overall.ips + balance.overall.control).toBe(6);
    expect(balance.overall.ips).toBe(arms.filter((a) => a === 'ips').length);
    expect(verifyAllocations(server.db, randomizationSeed(server.db, server.config))).toMatchObject({ checked: 6, mismatches: [] });
  });
});

describe('caseload warning', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  it('counts active IPS participants per coach and warns above the limit', async () => {
    expect((await server.as('admin').send('PUT', '/api/study-settings', { caseloadWarning: 1 })).status).toBe(200);
    const ips: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const studyId = await enrol(server, 'TST-A', n, server.ids.coach);
      const res = await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`);
      if (res.body.allocation.arm === 'ips') ips.push(studyId);
    }
    const coachRow = async () => (await server.as('coach').get('/api/caseloads')).body.caseloads.coaches.find((c: { coach_id: number }) => c.coach_id === server.ids.coach);
    expect(await coachRow()).toMatchObject({ active_participants: ips.length, overLimit: ips.length > 1 });
    expect(ips.length).toBeGreaterThan(0);
    await server.as('coach').send('POST', `/api/participants/${ips[0]}/statuses`, { status: { status_date: '2026-05-01', process_stage: 'ended', ended_reason: 'own_request' } });
    expect(await coachRow()).toMatchObject({ active_participants: ips.length - 1, overLimit: ips.length - 1 > 1 });
  });
});
