/**
 * Reading a participant's name and contact (issue 14): only the roles that
 * may (trial manager and admin everything, a coach name and phone at their
 * own sites; evaluator and data monitor 403), each read one audit entry
 * with who and when and the field names — never a value; the list's name
 * and personnummer search for those roles only, audited as a search
 * without the searched text; no identifier in the audit trail or the log.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { createTestServer, TEST_PASSWORD, type TestServer } from '../server-core/harness';
import { register, registration } from './fixtures';

interface Entry { action: string; entity: string; entity_id: string | null; actor_id: number | null; actor: string; at: string; after: Record<string, unknown> | null }

describe('reading names and contact', () => {
  let server: TestServer;
  let studyA: string;
  let studyB: string;
  const personA = registration('TST-A', 21).identity;
  const personB = registration('TST-B', 22).identity;
  const identifierValues = [personA.person_name, personA.personal_number, personA.personal_number.replace('-', ''), personA.person_phone, personA.street_address, personB.person_name, personB.personal_number.replace('-', '')];

  const entries = async (query: string): Promise<Entry[]> => {
    const res = await server.as('admin').get(`/api/audit?limit=500&${query}`);
    expect(res.status).toBe(200);
    return res.body.entries as Entry[];
  };

  beforeAll(async () => {
    server = await createTestServer();
    studyA = await register(server, 'TST-A', 21);
    studyB = await register(server, 'TST-B', 22);
  });
  afterAll(() => server.close());

  it('records one audit entry per reveal, with who, when and the fields shown, never the values', async () => {
    const before = (await entries(`entity=participant_identifiers&action=read&entity_id=${studyA}`)).length;
    const started = new Date().toISOString();
    for (let i = 0; i < 2; i++) {
      const res = await server.as('trial_manager').get(`/api/participants/${studyA}/identifiers`);
      expect(res.status).toBe(200);
      expect(res.body.identifiers.person_name).toBe(personA.person_name);
    }
    const coach = await server.as('coach').get(`/api/participants/${studyA}/identifiers`);
    expect(coach.body.identifiers).toEqual({ person_name: personA.person_name, person_phone: personA.person_phone });
    const reads = (await entries(`entity=participant_identifiers&action=read&entity_id=${studyA}`));
    expect(reads.length - before).toBe(3);
    const [coachRead, ...managerReads] = reads; // newest first
    expect(coachRead.actor_id).toBe(server.ids.coach);
    expect(coachRead.after).toEqual({ fields: ['person_name', 'person_phone'] });
    for (const read of managerReads.slice(0, 2)) {
      expect(read.actor_id).toBe(server.ids.trial_manager);
      expect(read.at >= started).toBe(true);
      expect(read.after!.fields).toEqual(expect.arrayContaining(['person_name', 'personal_number', 'person_phone', 'street_address']));
    }
    const text = JSON.stringify(reads);
    for (const value of identifierValues) expect(text).not.toContain(value);
  });

  it('refuses evaluators and data monitors (403) and a coach at another site (404), recording no read', async () => {
    const before = (await entries('entity=participant_identifiers&action=read')).length;
    for (const role of ['evaluator', 'data_monitor'] as const) {
      const res = await server.as(role).get(`/api/participants/${studyA}/identifiers`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(personA.person_name);
    }
    expect((await server.as('coach').get(`/api/participants/${studyB}/identifiers`)).status).toBe(404);
    expect((await entries('entity=participant_identifiers&action=read')).length).toBe(before);
  });

  it('finds a participant by name for permitted roles only, and by exact personnummer for managers', async () => {
    const ids = async (role: 'trial_manager' | 'admin' | 'coach' | 'data_monitor', q: string) => {
      const res = await server.as(role).get(`/api/participants?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(personA.person_name);
      return (res.body.participants as { studyId: string }[]).map((p) => p.studyId);
    };
    const name = personA.person_name.toLocaleLowerCase('sv');
    expect(await ids('trial_manager', name)).toEqual([studyA]);
    expect(await ids('admin', personB.person_name)).toEqual([studyB]);
    expect(await ids('coach', name)).toEqual([studyA]);
    expect(await ids('coach', personB.person_name)).toEqual([]);
    expect((await server.as('evaluator').get(`/api/participants?q=${encodeURIComponent(name)}`)).status).toBe(403);
    expect(await ids('data_monitor', name)).toEqual([]);
    // the whole number, in any usual spelling; a part of it matches nothing
    expect(await ids('trial_manager', personA.personal_number)).toEqual([studyA]);
    expect(await ids('trial_manager', personA.personal_number.slice(2))).toEqual([studyA]);
    expect(await ids('admin', personB.personal_number.replace('-', ''))).toEqual([studyB]);
    expect(await ids('trial_manager', personA.personal_number.slice(0, 8))).toEqual([]);
    expect(await ids('coach', personA.personal_number)).toEqual([]);
    expect(await ids('data_monitor', personA.personal_number)).toEqual([]);
  });

  it('audits each search that read names, with the number of matches and never the searched text', async () => {
    const before = await entries('entity=participant&action=search');
    await server.as('trial_manager').get(`/api/participants?q=${encodeURIComponent(personA.person_name)}`);
    await server.as('coach').get(`/api/participants?q=${encodeURIComponent(personA.person_name)}`);
    await server.as('data_monitor').get(`/api/participants?q=${encodeURIComponent(personA.person_name)}`);
    await server.as('trial_manager').get('/api/participants');
    const after = await entries('entity=participant&action=search');
    const fresh = after.slice(0, after.length - before.length);
    expect(fresh.map((e) => e.actor_id)).toEqual([server.ids.coach, server.ids.trial_manager]);
    expect(fresh.map((e) => e.after)).toEqual([{ by: ['study_id', 'person_name'], matches: 1 }, { by: ['study_id', 'person_name', 'personal_number'], matches: 1 }]);
    const text = JSON.stringify(after);
    for (const value of identifierValues) expect(text).not.toContain(value);
    for (const value of ['Testperson', personA.personal_number.slice(2, 8)]) expect(text).not.toContain(value);
  });

  it('writes no name or number into the log while revealing and searching', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const app = createApp(server.config, server.db, pino({ level: 'debug' }, sink));
    const agent = request.agent(app);
    expect((await agent.post('/api/session').send({ email: server.emailOf('trial_manager'), password: TEST_PASSWORD })).status).toBe(201);
    expect((await agent.get(`/api/participants/${studyA}/identifiers`)).status).toBe(200);
    expect((await agent.get(`/api/participants?q=${encodeURIComponent(personA.person_name)}`)).status).toBe(200);
    expect((await agent.get(`/api/participants?q=${encodeURIComponent(personA.personal_number)}`)).status).toBe(200);
    const log = lines.join('');
    expect(log).toContain('/identifiers');
    for (const value of [...identifierValues, encodeURIComponent(personA.person_name)]) expect(log).not.toContain(value);
  });
});
