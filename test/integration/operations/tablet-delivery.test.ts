/**
 * Delivering queued answers of an earlier tablet session (shared clinic
 * tablet): PUT /api/tablet-delivery/:clientUuid saves for the participant of
 * the session whose CSRF token it carries — registered on this device with
 * POST /api/tablet-delivery — even after that session was closed or the next
 * participant's session replaced its cookie; never for the participant now
 * on the tablet; refused (kept on the tablet) once the session ended more
 * than the grace period ago.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { DELIVERY_GRACE_DAYS } from '../../../server/services/tablet-delivery';
import { createTestServer, TEST_PASSWORD, type TestServer } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, register } from './fixtures';

describe('api: delivering a tablet queue after the session changed', () => {
  let server: TestServer;
  const ids: Record<'a' | 'b', { studyId: string; id: number }> = {} as never;
  beforeAll(async () => {
    server = await createTestServer();
    const tm = server.as('trial_manager');
    for (const [key, n] of [['a', 1], ['b', 2]] as const) {
      const studyId = await register(server, 'TST-A', n);
      await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING });
      await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT });
      ids[key] = { studyId, id: (await tm.get(`/api/participants/${studyId}`)).body.participant.id };
    }
  });
  afterAll(() => server.close());

  async function openOn(tablet: request.Agent, studyId: string): Promise<string> {
    const login = await tablet.post('/api/session').send({ email: server.emailOf('coach'), password: TEST_PASSWORD });
    const opened = await tablet.post(`/api/participants/${studyId}/tablet-session`).set('X-CSRF-Token', login.body.csrf_token).send({ pin: '4711' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return opened.body.tabletSession.csrfToken as string;
  }
  const gse = (answers: Record<string, number>, revision: number) => ({ timepoint: 0, form: 'gse', answers, revision, complete: false });
  const responsesOf = async (studyId: string) => (await server.as('coach').get(`/api/participants/${studyId}/responses`)).body.responses as { clientUuid: string; revision: number; answers: Record<string, number> }[];

  it("saves a closed session's queued answers under its own participant, not the one now on the tablet", async () => {
    const { default: supertest } = await import('supertest');
    const tablet = supertest.agent(server.app);
    const csrfA = await openOn(tablet, ids.a.studyId);
    const registered = await tablet.post('/api/tablet-delivery').set('X-CSRF-Token', csrfA).send({ keep: [] });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body.delivery).toEqual({ sessions: 1, graceDays: DELIVERY_GRACE_DAYS });
    const uuid = randomUUID();
    const first = await tablet.put(`/api/tablet-delivery/${uuid}`).set('X-CSRF-Token', csrfA).send(gse({ gse_01: 2 }, 1));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // the answer carries no answers back to the device
    expect(first.body).toEqual({ status: 'created', response: { clientUuid: uuid, revision: 1, complete: false } });

    // A's kiosk is left with the PIN; staff open B's session on the same tablet, which keeps A for delivery
    expect((await tablet.post('/api/tablet-session/exit').set('X-CSRF-Token', csrfA).send({ pin: '4711' })).status).toBe(204);
    const csrfB = await openOn(tablet, ids.b.studyId);
    expect((await tablet.get('/api/tablet-session')).body.tabletSession.studyId).toBe(ids.b.studyId);
    expect((await tablet.post('/api/tablet-delivery').set('X-CSRF-Token', csrfB).send({ keep: [csrfA] })).body.delivery.sessions).toBe(2);

    // A's later answers (queued offline) arrive under A at their revision; a repeat is harmless
    const later = await tablet.put(`/api/tablet-delivery/${uuid}`).set('X-CSRF-Token', csrfA).send(gse({ gse_01: 2, gse_02: 3 }, 3));
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect((await tablet.put(`/api/tablet-delivery/${uuid}`).set('X-CSRF-Token', csrfA).send(gse({ gse_01: 2, gse_02: 3 }, 3))).body.status).toBe('unchanged');
    expect(await responsesOf(ids.a.studyId)).toMatchObject([{ clientUuid: uuid, revision: 3, answers: { gse_01: 2, gse_02: 3 } }]);
    expect(await responsesOf(ids.b.studyId)).toEqual([]);
    // A's session cannot write for B, B's session cannot take A's response, and A's session cannot read anything
    expect((await tablet.put(`/api/tablet-delivery/${randomUUID()}`).set('X-CSRF-Token', csrfA).send({ ...gse({}, 1), participantId: ids.b.id })).status).toBe(403);
    expect((await tablet.put(`/api/tablet-delivery/${uuid}`).set('X-CSRF-Token', csrfB).send(gse({ gse_01: 4 }, 9))).status).toBe(409);
    expect((await tablet.get('/api/tablet-session')).body.tabletSession.studyId).toBe(ids.b.studyId);
    // B's own answers go to B through the same route
    const ofB = randomUUID();
    expect((await tablet.put(`/api/tablet-delivery/${ofB}`).set('X-CSRF-Token', csrfB).send(gse({ gse_01: 1 }, 1))).status).toBe(201);
    expect((await responsesOf(ids.b.studyId)).map((r) => r.clientUuid)).toEqual([ofB]);

    // once the tablet no longer needs A (nothing of A waits), A drops out of the delivery cookie
    expect((await tablet.post('/api/tablet-delivery').set('X-CSRF-Token', csrfB).send({ keep: [] })).body.delivery.sessions).toBe(1);
    const gone = await tablet.put(`/api/tablet-delivery/${uuid}`).set('X-CSRF-Token', csrfA).send(gse({ gse_01: 3 }, 4));
    expect(gone.status).toBe(401);
    expect(gone.body.error.code).toBe('delivery_not_possible');
    expect((await responsesOf(ids.a.studyId))[0].revision).toBe(3);
  });

  it('refuses answers of a session that ended more than the grace period ago, and unknown tokens', async () => {
    const { default: supertest } = await import('supertest');
    const tablet = supertest.agent(server.app);
    const csrfA = await openOn(tablet, ids.a.studyId);
    expect((await tablet.post('/api/tablet-delivery').set('X-CSRF-Token', csrfA).send({ keep: [] })).status).toBe(200);
    const csrfB = await openOn(tablet, ids.b.studyId);
    expect((await tablet.post('/api/tablet-delivery').set('X-CSRF-Token', csrfB).send({ keep: [csrfA] })).body.delivery.sessions).toBe(2);
    const uuid = randomUUID();
    // within the grace period after A's session expired: delivered
    const expired = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    server.db.prepare('UPDATE tablet_sessions SET expires_at = ? WHERE csrf_token = ?').run(expired(DELIVERY_GRACE_DAYS - 1), csrfA);
    expect((await tablet.put(`/api/tablet-delivery/${uuid}`).set('X-CSRF-Token', csrfA).send(gse({ gse_01: 1 }, 1))).status).toBe(201);
    // beyond it: refused, nothing stored
    server.db.prepare('UPDATE tablet_sessions SET expires_at = ? WHERE csrf_token = ?').run(expired(DELIVERY_GRACE_DAYS + 1), csrfA);
    const late = await tablet.put(`/api/tablet-delivery/${uuid}`).set('X-CSRF-Token', csrfA).send(gse({ gse_01: 1, gse_02: 2 }, 2));
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('delivery_not_possible');
    expect((await responsesOf(ids.a.studyId)).find((r) => r.clientUuid === uuid)?.revision).toBe(1);
    // no CSRF token, or one of no session on this device
    expect((await tablet.put(`/api/tablet-delivery/${randomUUID()}`).send(gse({}, 1))).status).toBe(401);
    expect((await tablet.put(`/api/tablet-delivery/${randomUUID()}`).set('X-CSRF-Token', 'x'.repeat(32)).send(gse({}, 1))).status).toBe(401);
    // another device holding neither cookie cannot deliver with A's or B's CSRF token
    const elsewhere = supertest.agent(server.app);
    expect((await elsewhere.put(`/api/tablet-delivery/${randomUUID()}`).set('X-CSRF-Token', csrfB).send(gse({}, 1))).status).toBe(401);
    // registering needs the open session's CSRF token and a short list
    expect((await tablet.post('/api/tablet-delivery').set('X-CSRF-Token', csrfA).send({ keep: [] })).status).toBe(403);
    const bad = await tablet.post('/api/tablet-delivery').set('X-CSRF-Token', csrfB).send({ keep: 'all' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('keep');
  });
});
