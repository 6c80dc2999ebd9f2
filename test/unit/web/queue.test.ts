import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openStore, type TabletDb } from '../../../web/modules/store';
import { completeResponse, ensureResponse, flushQueue, pendingCount, queuedEntries, saveAnswer, undeliverableCount, type ResponsePayload, type Send, type SendResult } from '../../../web/modules/queue';

let counter = 0;
async function freshDb(): Promise<TabletDb> {
  const db = await openStore(`queue-test-${process.pid}-${++counter}`);
  for (const uuid of ['a', 'b', 'c']) await ensureResponse(db, { clientUuid: uuid, sessionId: 's', form: `form_${uuid}`, timepoint: 0, participantId: 7 });
  return db;
}

/** A server that behaves like the contract: keeps the highest revision per client UUID. */
function fakeServer(script: (uuid: string, payload: ResponsePayload) => SendResult | undefined = () => undefined) {
  const stored = new Map<string, ResponsePayload>();
  const calls: { uuid: string; revision: number }[] = [];
  const send: Send = async (uuid, payload) => {
    calls.push({ uuid, revision: payload.revision });
    const scripted = script(uuid, payload);
    if (scripted) return scripted;
    const existing = stored.get(uuid);
    if (!existing || existing.revision < payload.revision) stored.set(uuid, structuredClone(payload));
    return { kind: 'ok', revision: stored.get(uuid)!.revision };
  };
  return { send, stored, calls };
}

describe('web/modules/queue', () => {
  it('sends responses in the order they were first queued', async () => {
    const db = await freshDb();
    await saveAnswer(db, 'b', 'x', 1);
    await saveAnswer(db, 'a', 'x', 1);
    await saveAnswer(db, 'c', 'x', 1);
    await saveAnswer(db, 'b', 'y', 2); // coalesces into b's place in the queue
    const server = fakeServer();
    const result = await flushQueue(db, server.send);
    expect(result).toEqual({ sent: 3, retry: false, rejected: 0, undeliverable: 0 });
    expect(server.calls).toEqual([{ uuid: 'b', revision: 2 }, { uuid: 'a', revision: 1 }, { uuid: 'c', revision: 1 }]);
    expect(await queuedEntries(db)).toEqual([]);
  });

  it('sends the whole answer set with a revision that rises with every answer', async () => {
    const db = await freshDb();
    const revisions: number[] = [];
    for (const [field, value] of [['q1', 1], ['q2', 2], ['q1', 3]] as const) revisions.push((await saveAnswer(db, 'a', field, value)).revision);
    expect(revisions).toEqual([1, 2, 3]);
    const server = fakeServer();
    await flushQueue(db, server.send);
    const record = await db.get('responses', 'a');
    // answered_on: the tablet's own calendar date of the last change (sv-SE formats local dates as YYYY-MM-DD)
    const localDay = new Date(record!.updatedAt).toLocaleDateString('sv-SE');
    expect(server.stored.get('a')).toEqual({ participantId: 7, timepoint: 0, form: 'form_a', answers: { q1: 3, q2: 2 }, revision: 3, complete: false, answered_on: localDay });
    expect(record?.ackedRevision).toBe(3);
  });

  it('counts every unacknowledged answer as waiting', async () => {
    const db = await freshDb();
    await saveAnswer(db, 'a', 'q1', 1);
    await saveAnswer(db, 'a', 'q2', 1);
    await saveAnswer(db, 'b', 'q1', 1);
    expect(await pendingCount(db)).toBe(3);
    await flushQueue(db, fakeServer().send);
    expect(await pendingCount(db)).toBe(0);
  });

  it('keeps everything queued when the network fails and stops at the first failure', async () => {
    const db = await freshDb();
    await saveAnswer(db, 'a', 'q1', 1);
    await saveAnswer(db, 'b', 'q1', 1);
    const server = fakeServer(() => ({ kind: 'retry', error: 'Failed to fetch' }));
    const result = await flushQueue(db, server.send);
    expect(result).toEqual({ sent: 0, retry: true, rejected: 0, undeliverable: 0 });
    expect(server.calls).toHaveLength(1);
    const queued = await queuedEntries(db);
    expect(queued.map((e) => [e.clientUuid, e.attempts, e.lastError])).toEqual([['a', 1, 'Failed to fetch'], ['b', 0, undefined]]);
  });

  it('never produces a second stored response when a retry repeats an acknowledged revision', async () => {
    const db = await freshDb();
    await saveAnswer(db, 'a', 'q1', 1);
    let lose = true;
    // the first PUT reaches the server but its answer is lost on the way back
    const server = fakeServer();
    const lossy: Send = async (uuid, payload) => {
      const outcome = await server.send(uuid, payload);
      if (lose) {
        lose = false;
        return { kind: 'retry', error: 'connection reset' };
      }
      return outcome;
    };
    expect((await flushQueue(db, lossy)).retry).toBe(true);
    expect((await flushQueue(db, lossy)).sent).toBe(1);
    expect(server.stored.size).toBe(1);
    expect(server.calls.map((c) => c.revision)).toEqual([1, 1]);
    expect(await queuedEntries(db)).toEqual([]);
  });

  it('keeps a newer answer queued when it was given while the older one was in flight', async () => {
    const db = await freshDb();
    await saveAnswer(db, 'a', 'q1', 1);
    const server = fakeServer();
    const slow: Send = async (uuid, payload) => {
      await saveAnswer(db, 'a', 'q2', 2); // the participant answers during the upload
      return server.send(uuid, payload);
    };
    await flushQueue(db, slow);
    expect((await db.get('responses', 'a'))).toMatchObject({ revision: 2, ackedRevision: 1 });
    expect((await queuedEntries(db)).map((e) => e.clientUuid)).toEqual(['a']);
    await flushQueue(db, server.send);
    expect(server.stored.get('a')?.answers).toEqual({ q1: 1, q2: 2 });
  });

  it('parks a refused response and still sends the others', async () => {
    const db = await freshDb();
    await saveAnswer(db, 'a', 'q1', 99);
    await saveAnswer(db, 'b', 'q1', 1);
    const server = fakeServer((uuid) => (uuid === 'a' ? { kind: 'rejected', error: 'q1 must be at most 5' } : undefined));
    expect(await flushQueue(db, server.send)).toEqual({ sent: 1, retry: false, rejected: 1, undeliverable: 0 });
    expect(await flushQueue(db, server.send)).toEqual({ sent: 0, retry: false, rejected: 1, undeliverable: 0 });
    expect(server.calls.filter((c) => c.uuid === 'a')).toHaveLength(1);
    // a correction re-queues it
    await saveAnswer(db, 'a', 'q1', 4);
    await flushQueue(db, fakeServer().send);
    expect(await queuedEntries(db)).toEqual([]);
  });

  it('keeps a response its session can no longer deliver, counts it apart, and never lets it hold up the next participant', async () => {
    const db = await freshDb();
    await saveAnswer(db, 'a', 'q1', 1); // the earlier participant's answers, queued first
    await saveAnswer(db, 'a', 'q2', 2);
    await saveAnswer(db, 'b', 'q1', 3); // the next participant's
    const server = fakeServer((uuid) => (uuid === 'a' ? { kind: 'undeliverable', error: '401 session ended too long ago' } : undefined));
    expect(await flushQueue(db, server.send)).toEqual({ sent: 1, retry: false, rejected: 0, undeliverable: 1 });
    expect(server.stored.get('b')).toMatchObject({ answers: { q1: 3 } });
    expect(server.stored.has('a')).toBe(false);
    // kept on the tablet with its answers, counted for staff, not counted as "waiting to send", not retried by itself
    expect((await queuedEntries(db)).map((e) => [e.clientUuid, e.undeliverable])).toEqual([['a', true]]);
    expect((await db.get('responses', 'a'))?.answers).toEqual({ q1: 1, q2: 2 });
    expect(await undeliverableCount(db)).toBe(1);
    expect(await pendingCount(db)).toBe(0);
    expect(await flushQueue(db, server.send)).toEqual({ sent: 0, retry: false, rejected: 0, undeliverable: 1 });
    expect(server.calls.filter((c) => c.uuid === 'a')).toHaveLength(1);
  });

  it('makes a submitted response final', async () => {
    const db = await freshDb();
    await saveAnswer(db, 'a', 'q1', 1);
    const done = await completeResponse(db, 'a');
    expect(done).toMatchObject({ complete: true, revision: 2 });
    await expect(saveAnswer(db, 'a', 'q1', 2)).rejects.toThrow(/already submitted/);
    const server = fakeServer();
    await flushQueue(db, server.send);
    expect(server.stored.get('a')).toMatchObject({ complete: true, revision: 2, answers: { q1: 1 } });
  });

  it('survives closing and reopening the store (a page reload)', async () => {
    const name = `queue-reload-${process.pid}`;
    const first = await openStore(name);
    await ensureResponse(first, { clientUuid: 'r', sessionId: 's', form: 'gse', timepoint: 0 });
    await saveAnswer(first, 'r', 'gse_01', 3);
    await saveAnswer(first, 'r', 'gse_02', 4);
    first.close();
    const second = await openStore(name);
    expect(await pendingCount(second)).toBe(2);
    expect((await saveAnswer(second, 'r', 'gse_03', 1)).revision).toBe(3);
    second.close();
  });
});
