/**
 * Study settings that the data already collected depend on are locked:
 * after the first allocation the value set, the EQ-5D questionnaire version
 * and the strata (like the randomization method); the questionnaire version
 * already once an EQ-5D answer is stored. Completion and CONSORT are facts of
 * the stored answers and never change with the value set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeReady, register } from './fixtures';

const DANISH_5L = 'eq5d5l_DK_Jensen2021';
const SWEDISH_3L = 'eq5d3l_SE_TTO_Burstrom2014';

async function enrolAndAllocate(server: TestServer, count: number, first: number): Promise<void> {
  for (let n = first; n < first + count; n += 1) {
    const studyId = await register(server, 'TST-B', n);
    await makeReady(server, studyId);
    const made = await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
}

async function counts(server: TestServer) {
  const consort = (await server.as('trial_manager').get('/api/consort')).body.consort;
  const summary = (await server.as('trial_manager').get('/api/assessments/summary')).body.summary;
  const total = (pair: { ips: number; control: number }) => pair.ips + pair.control;
  return {
    randomized: total(consort.randomized),
    assessed: Object.fromEntries(Object.entries(consort.assessed as Record<string, { ips: number; control: number }>).map(([t, pair]) => [t, total(pair)])),
    baselineCompleted: (summary['0']?.completed ?? 0) as number,
  };
}

describe('study settings locked after the first allocation', () => {
  let server: TestServer;
  let other: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    other = await createTestServer();
  }, 30_000);
  afterAll(() => {
    server?.close();
    other?.close();
  });

  it('lets the value set change before allocation but never the questionnaire version once EQ-5D answers are stored', async () => {
    const admin = server.as('admin');
    expect((await admin.get('/api/study-settings')).body.locks).toEqual([]);
    const studyId = await register(server, 'TST-B', 1);
    await makeReady(server, studyId); // a complete EQ-5D-5L baseline is stored, nobody is randomized
    // the admin's settings page is told which setting is locked and why
    expect((await admin.get('/api/study-settings')).body.locks).toEqual([
      { key: 'eq5dInstrument', group: 'questionnaire', because: 'eq5d_answers', count: 1, reason: 'The EQ-5D questionnaire version cannot change: 1 answer is already stored.' },
    ]);
    const before = await counts(server);
    expect(before.randomized).toBe(0);
    const toThreeLevel = await admin.send('PUT', '/api/study-settings', { eq5dValueSetId: SWEDISH_3L });
    expect(toThreeLevel.status).toBe(409);
    expect(toThreeLevel.body.error.message).toMatch(/EQ-5D questionnaire version \(eq5dInstrument\) cannot change from eq5d5l to eq5d3l: 1 eq5d5l answer is already stored/);
    const mismatch = await admin.send('PUT', '/api/study-settings', { eq5dInstrument: 'eq5d5l', eq5dValueSetId: SWEDISH_3L });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.fields[0]).toMatchObject({ field: 'eq5dValueSetId' });
    const fiveLevel = await admin.send('PUT', '/api/study-settings', { eq5dValueSetId: DANISH_5L });
    expect(fiveLevel.status, JSON.stringify(fiveLevel.body)).toBe(200);
    expect(fiveLevel.body.settings).toMatchObject({ eq5dValueSetId: DANISH_5L, eq5dInstrument: 'eq5d5l' });
    // the participant is still ready: the stored baseline still completes timepoint 0
    const made = await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  });

  it('refuses the value set, the questionnaire version and the strata after the first allocation with a clear 409', async () => {
    const admin = server.as('admin');
    await enrolAndAllocate(server, 2, 2);
    const before = await counts(server);
    const { locks, value_sets: valueSets } = (await admin.get('/api/study-settings')).body as { locks: { key: string; group: string; because: string; count: number }[]; value_sets: { id: string }[] };
    expect(locks.map((l) => `${l.key} ${l.group} ${l.because} ${l.count}`)).toEqual([
      'randomizationMethod randomization allocations 3', 'blockSizes randomization allocations 3', 'minimisationProbability randomization allocations 3',
      'stratifyBySex strata allocations 3', 'ageBandCuts strata allocations 3', 'eq5dValueSetId value_set allocations 3', 'eq5dInstrument questionnaire allocations 3',
    ]);
    expect(valueSets.map((v) => v.id)).toContain(DANISH_5L);
    expect((await server.as('trial_manager').get('/api/study-settings')).body.locks).toBeUndefined();
    for (const [change, named] of [
      [{ eq5dValueSetId: 'eq5d5l_SE_Sun2022' }, /The EQ-5D value set \(eq5dValueSetId\) cannot change after the first allocation \(3 participants are randomized\)/],
      [{ eq5dValueSetId: SWEDISH_3L }, /The EQ-5D value set \(eq5dValueSetId\) cannot change after the first allocation.*The EQ-5D questionnaire version \(eq5dInstrument\) cannot change after the first allocation/],
      [{ eq5dInstrument: 'eq5d3l' }, /questionnaire version \(eq5dInstrument\) cannot change after the first allocation/],
      [{ stratifyBySex: true }, /The strata \(stratifyBySex\) cannot change after the first allocation/],
      [{ ageBandCuts: [30] }, /The strata \(ageBandCuts\) cannot change after the first allocation/],
      [{ randomizationMethod: 'minimisation' }, /Randomization settings \(randomizationMethod\) cannot change after the first allocation/],
    ] as const) {
      const res = await admin.send('PUT', '/api/study-settings', change);
      expect(res.status, JSON.stringify(change)).toBe(409);
      expect(res.body.error.message).toMatch(named);
    }
    const settings = (await admin.get('/api/study-settings')).body.settings;
    expect(settings).toMatchObject({ eq5dValueSetId: DANISH_5L, eq5dInstrument: 'eq5d5l', stratifyBySex: false, ageBandCuts: [] });
    // settings nobody's data depends on still change
    expect((await admin.send('PUT', '/api/study-settings', { caseloadWarning: 15 })).status).toBe(200);
    expect(await counts(server)).toEqual(before);
  }, 30_000);

  it('gives the same completion and CONSORT counts under either value set chosen before allocation', async () => {
    // a fresh study that scores with the default (Swedish) set; `server` scores with the Danish one
    await enrolAndAllocate(other, 3, 1);
    expect((await other.as('admin').get('/api/study-settings')).body.settings.eq5dValueSetId).toBe('eq5d5l_SE_Sun2022');
    const danish = await counts(server);
    const swedish = await counts(other);
    expect(danish.randomized).toBe(3);
    expect(danish.baselineCompleted).toBe(3);
    expect(danish.assessed['0']).toBe(3);
    expect(swedish).toEqual(danish);
  }, 30_000);
});
