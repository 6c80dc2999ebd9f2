/**
 * Windows: a follow-up answered outside its timepoint's window is refused
 * with the window named, unless staff give a reason; then it is stored,
 * audited, counted in CONSORT and flagged `out_of_window` in the export.
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
import { saveResponse } from '../../../server/services/responses';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeReady, putResponse, register } from './fixtures';

// randomized 2026-01-20: 6-month window 2026-07-06 … 2026-08-17 (target 2026-07-20, −14/+28 days)
const RANDOMIZED_ON = '2026-01-20';
const FOLLOW_UP = ['eq5d5l', 'gse', 'service_use'];

describe('api: answers outside their timepoint\'s window', () => {
  let server: TestServer;
  let id: number;

  beforeAll(async () => {
    server = await createTestServer();
    const studyId = await register(server, 'TST-A', 1);
    id = await makeReady(server, studyId);
    allocate(server.db, seedFromText('window test'), SYSTEM_ACTOR, findParticipantByStudyId(server.db, studyId)!, RANDOMIZED_ON);
  });
  afterAll(() => server.close());

  it('refuses a 6-month answer dated after the window closes, naming the window', async () => {
    const res = await putResponse(server, 'coach', id, 'gse', 6, { answeredOn: '2026-08-18' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('outside_window');
    expect(res.body.error.message).toContain('opens 2026-07-06 and closes 2026-08-17');
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'answered_on', code: 'outside_window', opens: '2026-07-06', closes: '2026-08-17', limit: '2026-08-17' })]);
    const early = await putResponse(server, 'coach', id, 'gse', 6, { answeredOn: '2026-07-05' });
    expect(early.body.error.fields[0]).toMatchObject({ code: 'outside_window', limit: '2026-07-06' });
    // the 24-month questionnaire on the day of randomization (the reported bug)
    const way = await putResponse(server, 'coach', id, 'gse', 24, { answeredOn: RANDOMIZED_ON });
    expect(way.body.error).toMatchObject({ code: 'outside_window' });
    expect(server.db.prepare('SELECT count(*) AS n FROM responses WHERE participant_id = ? AND timepoint > 0').get(id)).toEqual({ n: 0 });
  });

  it('accepts the first and last day of the window without a reason', async () => {
    const first = await putResponse(server, 'coach', id, 'gse', 6, { answeredOn: '2026-07-06', complete: false, answers: { gse_01: 2 } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const last = await putResponse(server, 'coach', id, 'gse', 6, { answeredOn: '2026-08-17', complete: false, answers: { gse_01: 2 } });
    expect(last.status).toBe(201);
    expect(last.body.response.outOfWindowReason).toBeNull();
  });

  it('accepts an out-of-window answer from staff with a reason: stored, audited, counted and flagged in the export', async () => {
    const reason = 'Participant was in hospital during the window; answered at the first visit after discharge';
    for (const form of FOLLOW_UP) {
      const res = await server.as('coach').send('PUT', `/api/responses/${randomUUID()}`, {
        participantId: id, timepoint: 6, form, answers: syntheticAnswers(form), revision: 1, complete: true, answered_on: '2026-09-02', out_of_window_reason: reason,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.response).toMatchObject({ answeredOn: '2026-09-02', outOfWindowReason: reason });
    }
    const audit = server.db.prepare("SELECT reason, after_json FROM audit_entries WHERE entity = 'response' AND reason IS NOT NULL").all() as { reason: string; after_json: string }[];
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.reason === reason && JSON.parse(a.after_json).out_of_window_reason === reason)).toBe(true);

    const six = assessmentsOf(server.db, id, '2026-12-01').find((a) => a.timepoint === 6)!;
    expect(six).toMatchObject({ state: 'completed', outOfWindow: true, answeredOn: '2026-09-02' });
    const consort = consortCounts(server.db, null);
    const sum = (c: { ips: number; control: number }) => c.ips + c.control;
    expect([sum(consort.assessed[6]), sum(consort.assessedOutOfWindow[6]), sum(consort.assessedOutOfWindow[0])]).toEqual([1, 1, 0]);

    const dir = join(server.dir, 'export-window');
    runExport(server.db, server.config, cliActor(), dir, { pidMode: 'keyed', k: 1 });
    const rows = parse(readFileSync(join(dir, 'assessments.csv')), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.timepoint, r.out_of_window])).toEqual([['0', '0'], ['6', '1']]);
    // 2026-01-20 → 2026-09-02: 11 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 2 days
    expect(rows.find((r) => r.timepoint === '6')!.day).toBe('225');
    const header = readFileSync(join(dir, 'assessments.csv'), 'utf8').split('\n')[0].split(',');
    expect(header.slice(0, 3)).toEqual(['pid', 'timepoint', 'day']);
    expect(header.slice(-2)).toEqual(['su_complete', 'out_of_window']);
    expect(readFileSync(join(dir, 'codebook.md'), 'utf8')).toContain('out_of_window');
    expect(readFileSync(join(dir, 'assessments.csv'), 'utf8')).not.toContain('hospital');
  });

  it('never takes a reason from a tablet', () => {
    const participant = findParticipantByStudyId(server.db, 'TST-A-0001')!;
    expect(() => saveResponse(server.db, { id: null, label: 'tablet' }, 'tablet', participant, randomUUID(), {
      timepoint: 12, form: 'gse', answers: { gse_01: 1 }, revision: 1, complete: false, answered_on: '2026-09-02', out_of_window_reason: 'tablet says so',
    })).toThrow(/only staff/);
  });
});
