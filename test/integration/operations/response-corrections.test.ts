/**
 * Correcting a complete EQ-5D response: refused without a reason, without a
 * change, with an invalid answer, from a coach or a tablet-style PUT; then a
 * correction with a reason changes the current value (answers and score),
 * keeps the earlier answers in the history, writes an audit entry with the
 * changed fields only (the chain still verifies), and the export's
 * assessments.csv carries the corrected value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq5dIndex } from '../../../instruments/eq5d/index';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { pseudonymizer } from '../../../server/export/pseudonym';
import { findParticipantByStudyId } from '../../../server/db/queries/participants';
import { seedFromText } from '../../../server/randomization/seed';
import { allocate } from '../../../server/services/allocations';
import { cliActor, SYSTEM_ACTOR, verifyAudit } from '../../../server/services/audit';
import { runExport } from '../../../server/services/exports';
import { createTestServer, type TestServer } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, makeReady, putResponse, register } from './fixtures';

const EQ5D = ['eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad'] as const;

function csvRows(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split(','));
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

describe('api: POST /api/responses/:clientUuid/corrections', () => {
  let server: TestServer;
  let participantId: number;
  let studyId: string;
  let uuid: string;
  let stored: Record<string, number>;
  let corrected: number;
  const path = () => `/api/responses/${uuid}/corrections`;
  const current = async () => (await server.as('trial_manager').get(`/api/participants/${participantId}/responses`)).body.responses.find((r: { clientUuid: string }) => r.clientUuid === uuid);
  const auditCount = () => (server.db.prepare('SELECT COUNT(*) AS n FROM audit_entries').get() as { n: number }).n;

  beforeAll(async () => {
    server = await createTestServer();
    studyId = await register(server, 'TST-A', 21);
    participantId = await makeReady(server, studyId);
    expect((await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`)).status).toBe(201);
    const eq = (await server.as('trial_manager').get(`/api/participants/${participantId}/responses`)).body.responses.find((r: { form: string }) => r.form === 'eq5d5l');
    uuid = eq.clientUuid;
    stored = eq.answers;
    corrected = (stored.eq5d_mo % 5) + 1;
  }, 60_000);
  afterAll(() => server?.close());

  it('leaves a complete response unchanged on a PUT, as before (a tablet retry never changes it)', async () => {
    const res = await putResponse(server, 'trial_manager', participantId, 'eq5d5l', 0, { uuid, revision: 99, answers: { ...stored, eq5d_mo: corrected } });
    expect(res.body.status).toBe('unchanged');
    expect((await current()).answers.eq5d_mo).toBe(stored.eq5d_mo);
  });

  it('refuses a correction without a reason, without a change or with an invalid answer, naming the field, and changes nothing', async () => {
    const before = auditCount();
    const tm = server.as('trial_manager');
    const noReason = await tm.send('POST', path(), { answers: { eq5d_mo: corrected } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ code: 'reason_required', fields: [{ field: 'reason' }] });
    const blank = await tm.send('POST', path(), { answers: { eq5d_mo: corrected }, reason: '   ' });
    expect(blank.body.error.code).toBe('reason_required');
    const same = await tm.send('POST', path(), { answers: { eq5d_mo: stored.eq5d_mo }, reason: 'Checked against the paper form' });
    expect(same.status).toBe(400);
    expect(same.body.error).toMatchObject({ code: 'no_change', fields: [{ field: 'answers' }] });
    const invalid = await tm.send('POST', path(), { answers: { eq5d_mo: 9 }, reason: 'Typo on entry' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_body');
    expect(invalid.body.error.fields.map((f: { field: string }) => f.field)).toContain('answers.eq5d_mo');
    const unknown = await tm.send('POST', path(), { answers: { eq5d_mo: corrected }, reason: 'x', complete: false });
    expect(unknown.body.error.fields).toEqual([expect.objectContaining({ field: 'complete' })]);
    const future = await tm.send('POST', path(), { answered_on: '2999-01-01', reason: 'Date of the paper form' });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ code: 'implausible_date', fields: [expect.objectContaining({ field: 'answered_on', code: 'in_future' })] });
    const early = await tm.send('POST', path(), { answered_on: '2025-12-01', reason: 'Date of the paper form' });
    expect(early.body.error).toMatchObject({ code: 'implausible_date', fields: [expect.objectContaining({ field: 'answered_on', code: 'before_referral' })] });
    expect(auditCount()).toBe(before);
    expect((await current()).answers).toEqual(stored);
    expect((await tm.get(path())).body.corrections).toEqual([]);
  });

  it('lets only admins and trial managers correct (a coach gets 403)', async () => {
    const res = await server.as('coach').send('POST', path(), { answers: { eq5d_mo: corrected }, reason: 'Typo on entry' });
    expect(res.status).toBe(403);
    expect((await current()).answers.eq5d_mo).toBe(stored.eq5d_mo);
  });

  it('corrects the answer with a reason: the current value and score change, the history keeps the earlier answers', async () => {
    const res = await server.as('trial_manager').send('POST', path(), { answers: { eq5d_mo: corrected }, reason: 'Mobility was keyed in wrong; paper form says otherwise' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const state = EQ5D.map((d) => (d === 'eq5d_mo' ? corrected : stored[d])).join('');
    expect(res.body.response.answers).toEqual({ ...stored, eq5d_mo: corrected });
    expect(res.body.response.scores.eq5d_index).toBe(eq5dIndex('eq5d5l_SE_Sun2022', state));
    expect(res.body.response.complete).toBe(true);
    const now = await current();
    expect(now.answers.eq5d_mo).toBe(corrected);

    const history = await server.as('data_monitor').get(path());
    expect(history.status).toBe(200);
    expect(history.body.corrections).toHaveLength(1);
    const [entry] = history.body.corrections;
    expect(entry).toMatchObject({ recordKind: 'response', action: 'correct', reason: 'Mobility was keyed in wrong; paper form says otherwise' });
    expect(entry.correctedBy).toBeTruthy();
    expect(entry.changes['answers.eq5d_mo']).toEqual({ before: stored.eq5d_mo, after: corrected });
    expect(entry.before.answers).toEqual(stored);
    expect(entry.after.answers.eq5d_mo).toBe(corrected);
    const all = await server.as('trial_manager').get(`/api/participants/${studyId}/corrections`);
    expect(all.body.corrections.map((c: { id: number }) => c.id)).toEqual([entry.id]);
    expect(all.body.corrections[0].clientUuid).toBe(uuid);
  });

  it('writes one audit entry with before/after of the changed fields only, and the chain verifies', () => {
    const [entry] = findAuditEntries(server.db, { entity: 'response', entityId: uuid, action: 'correct' }, 10, 0);
    expect(entry.reason).toBe('Mobility was keyed in wrong; paper form says otherwise');
    const before = JSON.parse(entry.before_json!) as Record<string, unknown>;
    const after = JSON.parse(entry.after_json!) as Record<string, unknown>;
    expect(before['answers.eq5d_mo']).toBe(stored.eq5d_mo);
    expect(after['answers.eq5d_mo']).toBe(corrected);
    for (const d of EQ5D.filter((d) => d !== 'eq5d_mo')) expect(Object.keys(after)).not.toContain(`answers.${d}`);
    expect(Object.keys(after).every((k) => k === 'answers.eq5d_mo' || k.startsWith('scores.'))).toBe(true);
    expect(verifyAudit(server.db).ok).toBe(true);
  });

  it('exports the corrected value in assessments.csv', () => {
    const folder = join(server.dir, 'export-after-correction');
    runExport(server.db, server.config, cliActor(), folder, { pidMode: 'keyed', k: 1 });
    const pid = pseudonymizer('keyed', server.db, server.config.secretsDir)(participantId);
    const row = csvRows(join(folder, 'assessments.csv')).find((r) => r.pid === pid && r.timepoint === '0');
    expect(row).toBeDefined();
    expect(row!.eq5d_mo).toBe(String(corrected));
    expect(row!.eq5d_sc).toBe(String(stored.eq5d_sc));
  });

  it('refuses to correct a response that is not complete yet (409) and an unknown one (404)', async () => {
    const other = await register(server, 'TST-A', 22);
    const tm = server.as('trial_manager');
    expect((await tm.send('PUT', `/api/participants/${other}/screening`, { screening: ELIGIBLE_SCREENING })).status).toBe(200);
    expect((await tm.send('PUT', `/api/participants/${other}/consent`, { consent: FULL_CONSENT })).status).toBe(200);
    const otherId = (await tm.get(`/api/participants/${other}`)).body.participant.id as number;
    const partial = await putResponse(server, 'trial_manager', otherId, 'gse', 0, { complete: false, answers: { gse_01: 2 } });
    expect(partial.status, JSON.stringify(partial.body)).toBe(201);
    const res = await tm.send('POST', `/api/responses/${partial.body.response.clientUuid}/corrections`, { answers: { gse_01: 3 }, reason: 'Typo on entry' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    const missing = await server.as('trial_manager').send('POST', '/api/responses/00000000-0000-4000-8000-00000000abcd/corrections', { answers: { gse_01: 3 }, reason: 'x' });
    expect(missing.status).toBe(404);
  });
});

describe('api: a corrected answer date follows the plausibility rules and the window', () => {
  // randomized 2026-01-20: 6-month window 2026-07-06 … 2026-08-17
  let server: TestServer;
  let uuid: string;
  const path = () => `/api/responses/${uuid}/corrections`;

  beforeAll(async () => {
    server = await createTestServer();
    const studyId = await register(server, 'TST-A', 23);
    const id = await makeReady(server, studyId);
    allocate(server.db, seedFromText('correction window test'), SYSTEM_ACTOR, findParticipantByStudyId(server.db, studyId)!, '2026-01-20');
    const saved = await putResponse(server, 'trial_manager', id, 'eq5d5l', 6, { answeredOn: '2026-07-20' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    uuid = saved.body.response.clientUuid;
  }, 60_000);
  afterAll(() => server?.close());

  it('refuses a corrected date outside the window without out_of_window_reason, and before the randomization', async () => {
    const tm = server.as('trial_manager');
    const outside = await tm.send('POST', path(), { answered_on: '2026-08-18', reason: 'Date of the paper form' });
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatchObject({ code: 'outside_window', fields: [expect.objectContaining({ field: 'answered_on', opens: '2026-07-06', closes: '2026-08-17' })] });
    const early = await tm.send('POST', path(), { answered_on: '2026-01-19', reason: 'Date of the paper form' });
    expect(early.body.error).toMatchObject({ code: 'implausible_date', fields: [expect.objectContaining({ field: 'answered_on', code: 'before_randomization' })] });
    expect((await tm.get(path())).body.response.answeredOn).toBe('2026-07-20');
  });

  it('accepts it outside the window with a reason, and drops the reason when it is moved back inside', async () => {
    const tm = server.as('trial_manager');
    const outside = await tm.send('POST', path(), { answered_on: '2026-08-18', out_of_window_reason: 'Participant was abroad; answered on return', reason: 'Date of the paper form' });
    expect(outside.status, JSON.stringify(outside.body)).toBe(201);
    expect(outside.body.response).toMatchObject({ answeredOn: '2026-08-18', outOfWindowReason: 'Participant was abroad; answered on return' });
    expect(outside.body.correction.changes).toEqual({
      answered_on: { before: '2026-07-20', after: '2026-08-18' },
      out_of_window_reason: { before: null, after: 'Participant was abroad; answered on return' },
    });
    const back = await tm.send('POST', path(), { answered_on: '2026-08-17', reason: 'Misread the date' });
    expect(back.status).toBe(201);
    expect(back.body.response.outOfWindowReason).toBeNull();
    expect((await tm.get(path())).body.corrections.map((c: { changes: Record<string, { after: unknown }> }) => c.changes.answered_on.after)).toEqual(['2026-08-18', '2026-08-17']);
    expect(verifyAudit(server.db).ok).toBe(true);
  });
});
