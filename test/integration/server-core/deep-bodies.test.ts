/**
 * Deeply nested bodies and values of the wrong type: a `timepoint` nested
 * 5,000 arrays deep (once a 500) and any body deeper than 32 levels get a 400
 * `too_deep`; a timepoint that is not a number gets a 400 naming the field;
 * nothing is stored.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEntries } from '../../../server/db/queries/audit-entries';
import { Problem } from '../../../server/errors';
import { checkSubmission } from '../../../server/services/responses';
import { register } from '../operations/fixtures';
import { createTestServer, type TestServer } from './harness';

function nestedArrays(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('server core: deep bodies and wrong types', () => {
  let server: TestServer;
  let participantId: number;
  beforeAll(async () => {
    server = await createTestServer();
    const studyId = await register(server, 'TST-A', 1);
    participantId = (await server.as('trial_manager').get(`/api/participants/${studyId}`)).body.participant.id;
  });
  afterAll(() => server?.close());

  const submission = (timepoint: unknown) => ({ participantId, timepoint, form: 'eq5d5l', answers: {}, revision: 1, complete: false });

  async function put(body: unknown) {
    const before = [countAuditEntries(server.db, {}), server.db.prepare('SELECT count(*) AS n FROM responses').get()];
    const res = await server.as('trial_manager').send('PUT', `/api/responses/${randomUUID()}`, body);
    expect([countAuditEntries(server.db, {}), server.db.prepare('SELECT count(*) AS n FROM responses').get()]).toEqual(before);
    return res;
  }

  it('answers 400 too_deep to a timepoint nested 5,000 arrays deep', async () => {
    // written by hand: JSON.stringify itself overflows the stack at this depth
    const raw = JSON.stringify(submission('TIMEPOINT')).replace('"TIMEPOINT"', `${'['.repeat(5000)}6${']'.repeat(5000)}`);
    const before = countAuditEntries(server.db, {});
    const res = await server.as('trial_manager').send('PUT', `/api/responses/${randomUUID()}`).set('Content-Type', 'application/json').send(raw);
    expect(countAuditEntries(server.db, {})).toBe(before);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('too_deep');
  });

  it('answers 400 too_deep to any body deeper than 32 levels, and accepts the nesting real bodies use', async () => {
    const deep = await server.as('trial_manager').send('PATCH', '/api/sites/TST-B', { name: 'x', extra: nestedArrays(40, 1) });
    expect(deep.status).toBe(400);
    expect(deep.body.error.code).toBe('too_deep');
    const shallow = await server.as('trial_manager').send('PATCH', '/api/sites/TST-B', { name: 'x', extra: nestedArrays(3, 1) });
    expect(shallow.status).toBe(400);
    expect(shallow.body.error.code).toBe('invalid_body'); // unknown field, not depth
  });

  it('answers 400 naming timepoint when it is text, an array or an object', async () => {
    for (const timepoint of ['6', [6], [[6]], { value: 6 }, null]) {
      const res = await put(submission(timepoint));
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.code).toBe('invalid_body');
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain('timepoint');
    }
  });

  it('refuses a deeply nested timepoint with a problem, not a crash, even without the depth limit', () => {
    let thrown: unknown;
    try {
      checkSubmission(submission(nestedArrays(5000, 6)));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Problem);
    expect((thrown as Problem).fields?.map((f) => f.field)).toContain('timepoint');
  });
});
