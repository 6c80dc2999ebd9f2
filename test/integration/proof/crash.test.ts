/**
 * Crash test: the real server (`ips-trial serve`, a child process) is killed
 * with SIGKILL at random moments while clients are submitting
 * questionnaires, and restarted on the same file, four times. Clients behave
 * like the tablet: a request that got no answer (connection refused or cut
 * by the kill) is sent again with the same client uuid until it is
 * answered. Afterwards every answer the server acknowledged (2xx) is in the
 * database exactly once, with the answers sent and one audit entry; nothing
 * is stored that no client sent; `PRAGMA integrity_check` is ok and the
 * audit chain verifies.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/connection';
import { verifyAudit } from '../../../server/services/audit';
import { prepareStudy, putResponse, serve, staffLogin, submission, tabletSession, type Client, type ServerProcess } from './trial-process';

const KILLS = 4;
const STAFF_CLIENTS = 3;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash test: SIGKILL mid-load', () => {
  it(`keeps every acknowledged answer exactly once across ${KILLS} kills, with integrity and the audit chain intact`, async () => {
    const seed = Date.now() % 1_000_000;
    let random = seed;
    const rand = () => ((random = (random * 48_271) % 2_147_483_647) / 2_147_483_647);
    const study = await prepareStudy(STAFF_CLIENTS + 1);
    dirs.push(study.dir);

    let server: ServerProcess = await serve(study.dbFile);
    const clients: { client: Client; participantId: number | undefined; ownerId: number }[] = [];
    for (let i = 0; i < STAFF_CLIENTS; i++) clients.push({ client: await staffLogin(server.url, study.emailOf('trial_manager')), participantId: study.participantIds[i], ownerId: study.participantIds[i] });
    // one clinic tablet: the participant comes from its session, not the body
    const tabletOwner = study.participantIds[STAFF_CLIENTS];
    clients.push({ client: await tabletSession(server.url, study.emailOf('coach'), study.studyIds[STAFF_CLIENTS]), participantId: undefined, ownerId: tabletOwner });

    const sent = new Map<string, { participantId: number; answers: unknown }>();
    const acknowledged = new Set<string>();
    const refused: string[] = [];
    const ackedPerLife: number[] = [0];
    let stopping = false;
    let seq = 0;
    let interrupted = 0;

    async function submitLoop(c: (typeof clients)[number]): Promise<void> {
      while (!stopping) {
        const uuid = randomUUID();
        const body = submission(c.participantId, ++seq);
        sent.set(uuid, { participantId: c.ownerId, answers: body.answers });
        // the same uuid until the server answers, as the tablet's queue does
        for (;;) {
          let status: number | null = null;
          try {
            const res = await putResponse(server.url, c.client, uuid, body, AbortSignal.timeout(20_000));
            status = res.status;
            await res.arrayBuffer();
          } catch {
            status = null; // refused or cut by the kill
            interrupted++;
          }
          if (status !== null && status >= 200 && status < 300) {
            acknowledged.add(uuid);
            ackedPerLife[ackedPerLife.length - 1]++;
            break;
          }
          if (status !== null && status !== 503) {
            refused.push(`${uuid}: ${status}`);
            break;
          }
          await sleep(20);
        }
      }
    }

    const load = Promise.all(clients.map(submitLoop));
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        // a random moment once this life of the server has answered some requests
        while (ackedPerLife[ackedPerLife.length - 1] < 20) await sleep(10);
        await sleep(200 + rand() * 1500);
        server.child.kill('SIGKILL');
        expect((await server.exited).signal).toBe('SIGKILL');
        ackedPerLife.push(0);
        server = await serve(study.dbFile);
      }
      while (ackedPerLife[ackedPerLife.length - 1] < 20) await sleep(10);
    } finally {
      stopping = true;
      await load.catch(() => undefined);
      server.child.kill('SIGTERM');
      await server.exited;
    }

    const context = `seed ${seed}, acknowledged per life of the server ${ackedPerLife.join(', ')}, ${interrupted} requests cut or refused and sent again`;
    expect(refused, context).toEqual([]);
    expect(ackedPerLife.every((n) => n >= 20), context).toBe(true);

    const db = openDatabase(study.dbFile);
    try {
      expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
      const verdict = verifyAudit(db);
      expect(verdict.ok, `${context}: ${JSON.stringify(verdict)}`).toBe(true);

      const rows = db.prepare('SELECT client_uuid, participant_id, answers_json FROM responses').all() as { client_uuid: string; participant_id: number; answers_json: string }[];
      const audited = db.prepare("SELECT entity_id, COUNT(*) AS n FROM audit_entries WHERE entity = 'response' AND action = 'create' GROUP BY entity_id").all() as { entity_id: string; n: number }[];
      const auditCount = new Map(audited.map((a) => [a.entity_id, a.n]));
      const stored = new Map<string, number>();
      for (const row of rows) stored.set(row.client_uuid, (stored.get(row.client_uuid) ?? 0) + 1);

      const missing = [...acknowledged].filter((uuid) => stored.get(uuid) !== 1);
      expect(missing, `${context}: acknowledged but not stored exactly once`).toEqual([]);
      const unknown = rows.filter((r) => !sent.has(r.client_uuid)).map((r) => r.client_uuid);
      expect(unknown, `${context}: stored but never sent`).toEqual([]);
      const wrong = rows.filter((r) => {
        const expected = sent.get(r.client_uuid)!;
        return r.participant_id !== expected.participantId || !isDeepStrictEqual(JSON.parse(r.answers_json), expected.answers);
      });
      expect(wrong.map((r) => r.client_uuid), `${context}: stored with other answers or participant than sent`).toEqual([]);
      const unaudited = rows.filter((r) => auditCount.get(r.client_uuid) !== 1).map((r) => r.client_uuid);
      expect(unaudited, `${context}: rows without exactly one audit entry`).toEqual([]);
      expect(audited.length, context).toBe(rows.length);
      // every row of the tablet's participant came through the tablet session
      expect(rows.some((r) => r.participant_id === tabletOwner), context).toBe(true);
    } finally {
      db.close();
    }
  }, 180_000);
});
