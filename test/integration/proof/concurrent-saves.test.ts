/**
 * Questionnaire saves sent at the same moment (which share commits,
 * server/db/group-commit.ts) behave as if sent one by one: the same uuid
 * sent eight times at once is stored once (one 201, the others 200 with the
 * same response), and a refused save among accepted ones is refused alone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeReady, register } from '../operations/fixtures';

describe('questionnaire saves sent at the same moment', () => {
  let server: TestServer;
  let participantId: number;
  beforeAll(async () => {
    server = await createTestServer();
    participantId = await makeReady(server, await register(server, 'TST-A', 1));
  });
  afterAll(() => server?.close());

  const save = (uuid: string, answers: Record<string, unknown> = syntheticAnswers('gse')) =>
    server.as('trial_manager').send('PUT', `/api/responses/${uuid}`, { participantId, timepoint: 0, form: 'gse', answers, revision: 1, complete: false, answered_on: '2026-01-14' });
  const rowsOf = (uuid: string) => server.db.prepare('SELECT COUNT(*) FROM responses WHERE client_uuid = ?').pluck().get(uuid);
  const auditsOf = (uuid: string) => server.db.prepare("SELECT COUNT(*) FROM audit_entries WHERE entity = 'response' AND entity_id = ?").pluck().get(uuid);

  it('stores the same uuid sent eight times at once exactly once', async () => {
    const uuid = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => save(uuid)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.response.savedAt)).size).toBe(1);
    expect(rowsOf(uuid)).toBe(1);
    expect(auditsOf(uuid)).toBe(1);
  });

  it('refuses a bad save sent among good ones alone, and keeps the good ones', async () => {
    const uuids = Array.from({ length: 5 }, () => randomUUID());
    const answers = await Promise.all(uuids.map((uuid, i) => save(uuid, i === 2 ? { ...syntheticAnswers('gse'), gse_01: 9 } : undefined)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 400, 201, 201]);
    expect(answers[2].body.error.fields[0].field).toBe('answers.gse_01');
    expect(uuids.map(rowsOf)).toEqual([1, 1, 0, 1, 1]);
    expect(uuids.map(auditsOf)).toEqual([1, 1, 0, 1, 1]);
  });
});
