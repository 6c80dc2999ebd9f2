/**
 * Deactivating a staff member ends what they could still open: their own
 * sessions, and the unused home codes they handed out (a code given to a
 * participant by someone who has left no longer opens a session). Codes
 * made by colleagues keep working.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { createTestServer, type TestServer } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, register } from './fixtures';

describe('api: deactivating a staff member', () => {
  let server: TestServer;
  let studyId: string;
  beforeAll(async () => {
    server = await createTestServer();
    studyId = await register(server, 'TST-A', 1);
    await server.as('trial_manager').send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING });
    await server.as('trial_manager').send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT });
  });
  afterAll(() => server?.close());

  const makeCode = async (who: 'coach' | 'trial_manager') => {
    const res = await server.as(who).send('POST', `/api/participants/${studyId}/home-codes`, {});
    expect(res.status, res.text).toBe(201);
    return res.body.homeCode.code as string;
  };
  const redeem = (code: string) => request(server.app).post('/api/home-sessions').send({ code });

  it('revokes the home codes they made and their sessions, not colleagues\' codes', async () => {
    const coachCodes = [await makeCode('coach'), await makeCode('coach')];
    const colleagueCode = await makeCode('trial_manager');

    const off = await server.as('admin').send('PATCH', `/api/users/${server.ids.coach}`, { active: false });
    expect(off.status, off.text).toBe(200);

    for (const code of coachCodes) {
      const res = await redeem(code);
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].message).toMatch(/already used or expired/);
    }
    expect((await redeem(colleagueCode)).status).toBe(201);
    expect((await server.as('coach').get('/api/session')).status).toBe(401);
    const [revoke] = findAuditEntries(server.db, { action: 'home_code_revoke' }, 5, 0);
    expect(JSON.parse(revoke.after_json!)).toEqual({ home_codes: 2 });
    expect(revoke.entity_id).toBe(String(server.ids.coach));
  });
});
