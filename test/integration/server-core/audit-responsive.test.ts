/**
 * A long audit trail does not hold up the server: while `GET
 * /api/audit/verify` (a worker thread) or `GET /api/audit.csv` (streamed in
 * batches) works through 20,000 entries, `GET /api/health`, sent once the
 * long request has reached the server, is answered before the server ends
 * the long answer. Only that order is asserted, never a time. The answers are the
 * same as before: the verdict equals `verifyAudit` on the main thread, the
 * CSV has every entry.
 */
import type { AddressInfo } from 'node:net';
import type { Server, ServerResponse } from 'node:http';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEntries } from '../../../server/db/queries/audit-entries';
import { inTransaction } from '../../../server/db/transaction';
import { recordAudit, verifyAudit } from '../../../server/services/audit';
import { createTestServer, TEST_PASSWORD, type TestServer } from './harness';

const ENTRIES = 20_000;

describe('audit trail: long verify and download leave the server answering', () => {
  let server: TestServer;
  let http: Server;
  let admin: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    server = await createTestServer();
    inTransaction(server.db, () => {
      for (let i = 0; i < ENTRIES; i++) {
        recordAudit(server.db, { actor: { id: null, label: 'load test' }, action: 'update', entity: 'load_test', entityId: i, before: { n: i }, after: { n: i + 1 }, reason: `entry ${i}` });
      }
    });
    http = server.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    admin = request.agent(http);
    const login = await admin.post('/api/session').send({ email: server.emailOf('admin'), password: TEST_PASSWORD });
    expect(login.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => http.close(resolve));
    server.close();
  });

  /**
   * Sends `url`; once the server has taken it up, sends GET /api/health.
   * Returns the order of: the health answer arriving, and the server ending
   * the long answer (`res.end`; already ended when the route did all its
   * work at once, as a blocking one does), and the long answer.
   */
  async function alongsideHealth(url: string) {
    const finished: string[] = [];
    let health: Promise<unknown> | undefined;
    // added after express's own listener, so it runs once the route has done what it does at once
    // (express has by then cut the /api mount off req.url; originalUrl is the whole of it)
    const onRequest = (req: { originalUrl?: string }, res: ServerResponse) => {
      if (req.originalUrl !== url || health) return;
      if (res.writableEnded) finished.push(url);
      else {
        const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
        res.end = ((...args: unknown[]) => {
          finished.push(url);
          return end(...args);
        }) as ServerResponse['end'];
      }
      const { port } = http.address() as AddressInfo;
      health = request(`http://127.0.0.1:${port}`).get('/api/health').then((answer) => {
        expect(answer.status).toBe(200);
        finished.push('health');
      });
    };
    http.on('request', onRequest);
    try {
      const long = await admin.get(url).buffer(true);
      await health;
      return { finished, long };
    } finally {
      http.off('request', onRequest);
    }
  }

  it('answers GET /api/health while GET /api/audit/verify checks 20,000 entries, with the same verdict', async () => {
    const { finished, long } = await alongsideHealth('/api/audit/verify');
    expect(finished).toEqual(['health', '/api/audit/verify']);
    expect(long.status).toBe(200);
    expect(long.body).toEqual(verifyAudit(server.db));
    expect(long.body.ok).toBe(true);
    expect(long.body.entries).toBeGreaterThan(ENTRIES);
  }, 120_000);

  it('answers GET /api/health while GET /api/audit.csv streams 20,000 entries, every one of them', async () => {
    const before = countAuditEntries(server.db, {});
    const { finished, long } = await alongsideHealth('/api/audit.csv');
    expect(finished).toEqual(['health', '/api/audit.csv']);
    expect(long.status).toBe(200);
    const rows = parse(long.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(before);
    expect(rows.filter((row) => row.entity === 'load_test')).toHaveLength(ENTRIES);
    expect(Number(rows[0].id)).toBeGreaterThan(Number(rows[rows.length - 1].id));
  }, 120_000);
});
