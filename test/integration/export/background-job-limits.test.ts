/**
 * Exports and ICER reports through the API share one queue: with one place,
 * the second waits (its position shown) and starts when the first is done;
 * a person's fourth request is refused with a 429 and creates nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeStudy } from './study';

async function waitUntilFinished(server: TestServer, path: string, key: 'export' | 'report') {
  for (let i = 0; i < 900; i += 1) {
    const res = await server.as('evaluator').get(path);
    if (res.body[key].status !== 'running') return res.body[key];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path} did not finish`);
}

describe('api: limits on background exports and reports', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ backgroundJobs: { limit: 1, perPerson: 3 } });
    await makeStudy(server, 30, 2);
  }, 60_000);
  afterAll(() => server?.close());

  it('queues jobs beyond the limit with their position, runs them one after the other, and refuses a fourth', async () => {
    const evaluator = server.as('evaluator');
    const first = await evaluator.send('POST', '/api/exports', { pidMode: 'fresh', k: 3 });
    const second = await evaluator.send('POST', '/api/reports/icer', { k: 3, settings: { bootstrap: { replicates: 200 } } });
    const third = await evaluator.send('POST', '/api/exports', { pidMode: 'fresh', k: 3 });
    expect([first.status, second.status, third.status]).toEqual([202, 202, 202]);
    expect(first.body.export.queuePosition).toBeNull();
    expect(second.body.report.queuePosition).toBe(1);
    expect(third.body.export.queuePosition).toBe(2);

    const exportsBefore = server.db.prepare('SELECT count(*) AS n FROM exports').get();
    const reportsBefore = server.db.prepare('SELECT count(*) AS n FROM reports').get();
    const fourth = await evaluator.send('POST', '/api/reports/icer', { k: 3 });
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.code).toBe('too_many_jobs');
    expect(fourth.body.error.message).toMatch(/at most 3/);
    expect(server.db.prepare('SELECT count(*) AS n FROM exports').get()).toEqual(exportsBefore);
    expect(server.db.prepare('SELECT count(*) AS n FROM reports').get()).toEqual(reportsBefore);

    // another person may still queue behind them
    const manager = await server.as('trial_manager').send('POST', '/api/exports', { pidMode: 'fresh', k: 3 });
    expect(manager.status).toBe(202);
    expect(manager.body.export.queuePosition).toBe(3);

    const done = [
      await waitUntilFinished(server, `/api/exports/${first.body.export.id}`, 'export'),
      await waitUntilFinished(server, `/api/reports/${second.body.report.id}`, 'report'),
      await waitUntilFinished(server, `/api/exports/${third.body.export.id}`, 'export'),
      await waitUntilFinished(server, `/api/exports/${manager.body.export.id}`, 'export'),
    ];
    expect(done.map((job) => job.status), JSON.stringify(done.map((job) => job.error))).toEqual(['done', 'done', 'done', 'done']);
    expect(done.every((job) => job.queuePosition === null)).toBe(true);
    // one at a time: each started after the one before it had finished
    const finishedAt = done.map((job) => job.finishedAt as string);
    expect([...finishedAt].sort()).toEqual(finishedAt);
  }, 120_000);
});
