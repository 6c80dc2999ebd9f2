import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { BASELINE_FORMS, ELIGIBLE_SCREENING, FULL_CONSENT, putResponse, register, registration } from './fixtures';

describe('api: screening → consent → baseline → allocation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  it('refuses allocation before each precondition and allocates once all are met', async () => {
    const tm = server.as('trial_manager');
    const studyId = await register(server, 'TST-A', 1);
    expect(studyId).toBe('TST-A-0001');
    const allocate = () => tm.send('POST', `/api/participants/${studyId}/allocation`);

    let res = await allocate();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/missing screening; consent; complete baseline/);

    expect((await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING })).status).toBe(200);
    res = await allocate();
    expect(res.status).toBe(409);
    expect(res.body.error.message).not.toMatch(/screening/);
    expect(res.body.error.message).toMatch(/consent/);

    expect((await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT })).status).toBe(200);
    res = await allocate();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/baseline questionnaire \(baseline, eq5d5l, gse, service_use\)/);

    const id = (await tm.get(`/api/participants/${studyId}`)).body.participant.id as number;
    for (const form of BASELINE_FORMS.slice(0, 3)) expect((await putResponse(server, 'trial_manager', id, form)).status).toBe(201);
    res = await allocate();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/baseline questionnaire \(service_use\)/);
    expect((await tm.get(`/api/participants/${studyId}/allocation`)).status).toBe(404);

    expect((await putResponse(server, 'trial_manager', id, 'service_use')).status).toBe(201);
    res = await allocate();
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(['ips', 'control']).toContain(res.body.allocation.arm);
    expect(res.body.allocation.stratum).toBe('TST-A');

    const again = await allocate();
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already randomized/);
    const read = await tm.get(`/api/participants/${studyId}/allocation`);
    expect(read.body.allocation.arm).toBe(res.body.allocation.arm);

    const schedule = await tm.get(`/api/participants/${studyId}/assessments`);
    expect(schedule.body.assessments.map((a: { timepoint: number }) => a.timepoint)).toEqual([0, 6, 12, 18, 24]);
    expect(schedule.body.assessments[0].state).toBe('completed');
    expect(schedule.body.assessments[1].state).toBe('upcoming');

    const consort = await server.as('evaluator').get('/api/consort');
    expect(consort.body.consort).toMatchObject({ referred: 1, screened: 1, consented: 1, randomized: { [res.body.allocation.arm]: 1 } });
    expect(consort.body.consort.assessed['0'][res.body.allocation.arm]).toBe(1);
  });

  it('records not-eligible screening with its reason and refuses consent then', async () => {
    const tm = server.as('trial_manager');
    const studyId = await register(server, 'TST-A', 2);
    const notEligible = { ...ELIGIBLE_SCREENING, motivated_to_work: false, eligible: true };
    const bad = await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: notEligible });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toEqual({ field: 'screening.motivated_to_work', message: 'eligible cannot be true when motivated_to_work is false' });
    const ok = await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: { ...notEligible, eligible: false, not_eligible_reason: 'not_motivated' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.participant.stage).toBe('not_eligible');
    expect((await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT })).status).toBe(409);
    const change = await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING });
    expect(change.status).toBe(400);
    expect(change.body.error.code).toBe('reason_required');
    const consort = await tm.get('/api/consort');
    expect(consort.body.consort.notEligible.byReason.not_motivated).toBe(1);
    const siteB = await tm.get('/api/consort?site=TST-B');
    expect(siteB.body.consort.notEligible.total).toBe(0);
    expect((await tm.get('/api/consort?site=NOPE')).status).toBe(400);
  });

  it('rejects a duplicate personnummer written another way, and a bad check digit', async () => {
    const tm = server.as('trial_manager');
    const first = registration('TST-B', 30);
    expect((await tm.send('POST', '/api/participants', first)).status).toBe(201);
    const sameNumber = { ...first, identity: { ...first.identity, person_name: 'Testperson Dubblett', personal_number: first.identity.personal_number.slice(2).replace('-', '') } };
    const dup = await tm.send('POST', '/api/participants', sameNumber);
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0].field).toBe('identity.personal_number');
    const wrong = first.identity.personal_number.slice(0, -1) + ((Number(first.identity.personal_number.slice(-1)) + 1) % 10);
    const bad = await tm.send('POST', '/api/participants', { ...first, identity: { ...first.identity, personal_number: wrong } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toEqual({ field: 'identity.personal_number', message: 'personnummer check digit is wrong (Luhn)' });
  });

  it('lets only an admin correct an allocation, with a reason, keeping the original', async () => {
    const studyId = await register(server, 'TST-B', 40);
    const { makeReady } = await import('./fixtures');
    await makeReady(server, studyId);
    const made = await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`);
    const original = made.body.allocation.arm as string;
    const other = original === 'ips' ? 'control' : 'ips';
    expect((await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation/corrections`, { arm: other, reason: 'x' })).status).toBe(403);
    expect((await server.as('admin').send('POST', `/api/participants/${studyId}/allocation/corrections`, { arm: other })).status).toBe(400);
    const fixed = await server.as('admin').send('POST', `/api/participants/${studyId}/allocation/corrections`, { arm: other, reason: 'Allocated under the wrong site by mistake' });
    expect(fixed.status).toBe(201);
    expect(fixed.body.allocation).toMatchObject({ arm: other, originalArm: original });
    const audit = await server.as('admin').get(`/api/audit?entity_id=${studyId}`);
    expect(JSON.stringify(audit.body)).toMatch(/allocation_correction/);
  });
});
