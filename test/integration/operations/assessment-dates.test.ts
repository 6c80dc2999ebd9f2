/**
 * The date a questionnaire was answered, end to end: a paper form keyed in
 * by staff months later keeps the date on the paper in the schedule, CONSORT
 * and the export's `day`; a tablet's date is never later than today; a
 * withdrawn participant's baseline stays in the export.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findParticipantByStudyId } from '../../../server/db/queries/participants';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { seedFromText } from '../../../server/randomization/seed';
import { allocate } from '../../../server/services/allocations';
import { assessmentsOf } from '../../../server/services/assessments';
import { cliActor, SYSTEM_ACTOR } from '../../../server/services/audit';
import { consortCounts } from '../../../server/services/consort';
import { runExport } from '../../../server/services/exports';
import { studyToday } from '../../../server/services/participant-access';
import { saveResponse } from '../../../server/services/responses';
import { createTestServer, type TestServer } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, makeReady, putResponse, register } from './fixtures';

const RANDOMIZED_ON = '2026-01-20'; // 6-month target 2026-07-20, window 2026-07-06 … 2026-08-17
const PAPER_DATE = '2026-07-25'; // 186 days after 2026-01-20 (11 + 28 + 31 + 30 + 31 + 30 + 20 + 5)

describe('api: the date a questionnaire was answered', () => {
  let server: TestServer;
  let paperId: number;
  const seed = seedFromText('assessment dates test');
  const csv = (dir: string, file: string) => parse(readFileSync(join(dir, file)), { columns: true }) as Record<string, string>[];

  beforeAll(async () => {
    server = await createTestServer();
    const a = await register(server, 'TST-A', 1);
    const b = await register(server, 'TST-B', 2);
    paperId = await makeReady(server, a);
    await makeReady(server, b);
    for (const studyId of [a, b]) allocate(server.db, seed, SYSTEM_ACTOR, findParticipantByStudyId(server.db, studyId)!, RANDOMIZED_ON);
  });
  afterAll(() => server.close());

  it('requires answered_on from staff and refuses a follow-up dated before the randomization', async () => {
    const missing = await server.as('coach').send('PUT', `/api/responses/${randomUUID()}`, { participantId: paperId, timepoint: 6, form: 'gse', answers: syntheticAnswers('gse'), revision: 1, complete: true });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([expect.objectContaining({ field: 'answered_on' })]);
    const early = await putResponse(server, 'coach', paperId, 'gse', 6, { answeredOn: '2026-01-19' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0]).toMatchObject({ field: 'answered_on', code: 'before_randomization', limit: RANDOMIZED_ON });
    const badDate = await putResponse(server, 'coach', paperId, 'gse', 6, { answeredOn: '2026-02-30' });
    expect(badDate.body.error.fields[0]).toMatchObject({ field: 'answered_on' });
  });

  it('exports the day a paper 6-month form was answered, not the day it was keyed in', async () => {
    for (const form of ['eq5d5l', 'gse', 'service_use']) {
      const res = await putResponse(server, 'trial_manager', paperId, form, 6, { answeredOn: PAPER_DATE });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.response.answeredOn).toBe(PAPER_DATE);
    }
    const dir = join(server.dir, 'export-paper');
    runExport(server.db, server.config, cliActor(), dir, { pidMode: 'keyed', k: 1 });
    const sixMonths = csv(dir, 'assessments.csv').filter((r) => r.timepoint === '6');
    expect(sixMonths).toHaveLength(1);
    expect(sixMonths[0].day).toBe('186');
  });

  it('dates the schedule and CONSORT by the answer, so the 6-month assessment was complete from 25 July on', () => {
    const six = (today: string) => assessmentsOf(server.db, paperId, today).find((a) => a.timepoint === 6)!;
    expect(six(studyToday(server.db))).toMatchObject({ state: 'completed', answeredOn: PAPER_DATE });
    expect(six('2026-07-24')).toMatchObject({ state: 'overdue', answeredOn: null });
    expect(six(PAPER_DATE).state).toBe('completed');
    const consort = consortCounts(server.db, null);
    expect(consort.assessed[6].ips + consort.assessed[6].control).toBe(1);
  });

  it('takes a tablet\'s completion date but never one later than today', async () => {
    const c = await register(server, 'TST-A', 3);
    const tm = server.as('trial_manager');
    await tm.send('PUT', `/api/participants/${c}/screening`, { screening: ELIGIBLE_SCREENING });
    await tm.send('PUT', `/api/participants/${c}/consent`, { consent: FULL_CONSENT });
    const participant = findParticipantByStudyId(server.db, c)!;
    // a consented participant's baseline, answered on a tablet whose clock runs years ahead
    const saved = saveResponse(server.db, { id: null, label: 'tablet' }, 'tablet', participant, randomUUID(), { timepoint: 0, form: 'gse', answers: syntheticAnswers('gse'), revision: 1, complete: true, answered_on: '2031-01-01' });
    expect(saved.response.answeredOn).toBe(studyToday(server.db));
    const yesterdayOffline = saveResponse(server.db, { id: null, label: 'tablet' }, 'tablet', participant, randomUUID(), { timepoint: 0, form: 'gse', answers: { gse_01: 2 }, revision: 1, complete: false, answered_on: '2026-01-15' });
    expect(yesterdayOffline.response.answeredOn).toBe('2026-01-15');
  });

  it('keeps a withdrawn participant\'s baseline in the export when only collected data may be used', async () => {
    const b = findParticipantByStudyId(server.db, 'TST-B-0001')!;
    const res = await server.as('trial_manager').send('PUT', '/api/participants/TST-B-0001/withdrawal', { withdrawal: { withdrawal_date: '2026-02-01', withdrawal_data_use: 'collected_only' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // a baseline saved before answered_on existed carries its save date (migration 0022), which may be after the withdrawal
    server.db.prepare("UPDATE responses SET answered_on = '2026-03-01' WHERE participant_id = ? AND timepoint = 0").run(b.id);
    const dir = join(server.dir, 'export-withdrawn');
    runExport(server.db, server.config, cliActor(), dir, { pidMode: 'keyed', k: 1 });
    const withdrawn = csv(dir, 'participants.csv').filter((p) => p.withdrawn_day !== '');
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0].withdrawn_day).toBe('12');
    const baseline = csv(dir, 'assessments.csv').filter((r) => r.pid === withdrawn[0].pid);
    expect(baseline.map((r) => r.timepoint)).toEqual(['0']);
  });
});
