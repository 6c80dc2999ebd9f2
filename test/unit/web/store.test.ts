import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { currentSession, forgetSession, openStore, putSession, STORE_VERSION, type SessionRecord } from '../../../web/modules/store';
import { ensureResponse, saveAnswer } from '../../../web/modules/queue';

let counter = 0;
const freshName = () => `store-test-${process.pid}-${++counter}`;

function session(id: string, createdAt: string): SessionRecord {
  return { id, timepoint: 0, mode: 'kiosk', forms: [], step: 'eq5d5l.eq5d_mo', language: 'sv', createdAt };
}

describe('web/modules/store', () => {
  it('creates every object store of the current version on a fresh device', async () => {
    const db = await openStore(freshName());
    expect(db.version).toBe(STORE_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'outbox', 'responses', 'sessions']);
    expect([...db.transaction('outbox').store.indexNames]).toEqual(['by-seq']);
    db.close();
  });

  it('upgrades a version-1 store in place and keeps the answers and the queue', async () => {
    const name = freshName();
    const v1 = await openStore(name, 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['meta', 'outbox', 'responses']);
    await v1.put('responses', { clientUuid: 'u-1', sessionId: 's', form: 'gse', timepoint: 0, answers: { gse_01: 3 }, revision: 4, ackedRevision: 2, complete: false, updatedAt: '2026-01-01T00:00:00Z' });
    await v1.put('outbox', { clientUuid: 'u-1', seq: 7, attempts: 1 });
    v1.close();

    const v2 = await openStore(name);
    expect(v2.version).toBe(2);
    expect((await v2.get('responses', 'u-1'))?.answers).toEqual({ gse_01: 3 });
    expect(await v2.getAllFromIndex('outbox', 'by-seq')).toEqual([{ clientUuid: 'u-1', seq: 7, attempts: 1 }]);
    expect([...v2.objectStoreNames]).toContain('sessions');
    v2.close();
  });

  it('refuses a version it has no upgrade step for', () => {
    expect(() => openStore(freshName(), STORE_VERSION + 1)).toThrow(/store version must be 1–2, got 3/);
  });

  it('resumes the most recent unfinished session', async () => {
    const db = await openStore(freshName());
    await putSession(db, session('old', '2026-01-01T10:00:00Z'));
    await putSession(db, session('new', '2026-01-01T11:00:00Z'));
    await putSession(db, { ...session('done', '2026-01-01T12:00:00Z'), step: 'done' });
    expect((await currentSession(db))?.id).toBe('new');
    db.close();
  });

  it('forgets a finished session but keeps responses still waiting to be sent', async () => {
    const db = await openStore(freshName());
    await putSession(db, { ...session('s', '2026-01-01T10:00:00Z'), forms: [{ form: 'gse', clientUuid: 'a' }, { form: 'eq5d5l', clientUuid: 'b' }] });
    await ensureResponse(db, { clientUuid: 'a', sessionId: 's', form: 'gse', timepoint: 0 });
    await ensureResponse(db, { clientUuid: 'b', sessionId: 's', form: 'eq5d5l', timepoint: 0 });
    await saveAnswer(db, 'b', 'eq5d_mo', 2);
    await forgetSession(db, 's');
    expect(await db.get('responses', 'a')).toBeUndefined();
    expect((await db.get('responses', 'b'))?.answers).toEqual({ eq5d_mo: 2 });
    expect((await db.get('sessions', 's'))?.step).toBe('done');
    expect(await currentSession(db)).toBeUndefined();
    db.close();
  });
});
