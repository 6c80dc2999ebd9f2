import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { register, registration } from './fixtures';

describe('participant identifiers', () => {
  let server: TestServer;
  let studyA: string;
  let studyB: string;
  const person = registration('TST-A', 7).identity;

  beforeAll(async () => {
    server = await createTestServer();
    studyA = await register(server, 'TST-A', 7);
    studyB = await register(server, 'TST-B', 8);
  });
  afterAll(() => server.close());

  it('shows every identifier to trial managers and admins', async () => {
    for (const role of ['trial_manager', 'admin'] as const) {
      const res = await server.as(role).get(`/api/participants/${studyA}/identifiers`);
      expect(res.body.identifiers).toMatchObject({ person_name: person.person_name, personal_number: person.personal_number.replace('-', ''), person_phone: person.person_phone, street_address: person.street_address });
    }
  });

  it('shows a coach only name and phone, and only at their own sites', async () => {
    const own = await server.as('coach').get(`/api/participants/${studyA}/identifiers`);
    expect(own.body.identifiers).toEqual({ person_name: person.person_name, person_phone: person.person_phone });
    expect((await server.as('coach').get(`/api/participants/${studyB}/identifiers`)).status).toBe(404);
    expect((await server.as('coach').get(`/api/participants/${studyB}`)).status).toBe(404);
    const list = await server.as('coach').get('/api/participants');
    expect(list.body.participants.map((p: { studyId: string }) => p.studyId)).toEqual([studyA]);
  });

  it('never gives identifiers to evaluators or data monitors, anywhere', async () => {
    for (const role of ['evaluator', 'data_monitor'] as const) {
      expect((await server.as(role).get(`/api/participants/${studyA}/identifiers`)).status).toBe(403);
      for (const url of ['/api/participants', `/api/participants/${studyA}`, '/api/consort', '/api/randomization/balance']) {
        const res = await server.as(role).get(url);
        expect(JSON.stringify(res.body)).not.toContain(person.person_name);
        expect(JSON.stringify(res.body)).not.toContain(person.personal_number.slice(2, 8));
      }
    }
  });

  it('keeps names, personnummer, phone and address out of the database file', () => {
    server.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = [server.config.dbFile, `${server.config.dbFile}-wal`].filter(existsSync);
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    const digits = person.personal_number.replace('-', '');
    for (const secret of [person.person_name, 'Testperson', digits, digits.slice(2), person.personal_number, person.person_phone, person.street_address]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), `found "${secret}" in the database file`).toBe(false);
    }
    expect(bytes.includes(Buffer.from(studyA))).toBe(true);
  });

  it('needs a reason to change identifiers and audits field names only', async () => {
    const tm = server.as('trial_manager');
    const changed = { ...person, person_phone: '070-000 00 99' };
    const noReason = await tm.send('PUT', `/api/participants/${studyA}/identifiers`, { identity: changed });
    expect(noReason.body.error.code).toBe('reason_required');
    const ok = await tm.send('PUT', `/api/participants/${studyA}/identifiers`, { identity: changed, reason: 'New phone number' });
    expect(ok.status).toBe(200);
    expect(ok.body.identifiers.person_phone).toBe('070-000 00 99');
    const audit = await server.as('admin').get(`/api/audit?entity_id=${studyA}`);
    expect(JSON.stringify(audit.body)).not.toContain('070-000 00 99');
    expect(JSON.stringify(audit.body)).toContain('person_phone');
  });
});
