import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../web/modules/store';
import { ensureResponse, saveAnswer, type Send } from '../../../web/modules/queue';
import { startSync, type SyncState } from '../../../web/modules/sync';

function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('condition not met in time'));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

describe('web/modules/sync', () => {
  it('reports waiting answers while offline and sends them when the browser comes back online', async () => {
    const db = await openStore(`sync-test-${process.pid}`);
    await ensureResponse(db, { clientUuid: 'u', sessionId: 's', form: 'gse', timepoint: 0 });
    let online = false;
    const received: number[] = [];
    const send: Send = async (_uuid, payload) => {
      if (!online) return { kind: 'retry', error: 'offline' };
      received.push(payload.revision);
      return { kind: 'ok', revision: payload.revision };
    };
    const events = new EventTarget();
    const states: SyncState[] = [];
    // a long backoff: only the online event can bring the answers through in time
    const sync = startSync({ db, send, events: events as unknown as Window, isOnline: () => online, onState: (s) => states.push(s), backoff: { baseMs: 60_000 } });
    await saveAnswer(db, 'u', 'gse_01', 3);
    await sync.kick();
    await saveAnswer(db, 'u', 'gse_02', 2);
    await sync.kick();
    expect(sync.state()).toMatchObject({ waiting: 2, online: false });
    online = true;
    events.dispatchEvent(new Event('online'));
    await waitFor(() => sync.state().waiting === 0 && !sync.state().sending);
    expect(received).toEqual([2]);
    expect(states.some((s) => s.sending)).toBe(true);
    sync.stop();
    db.close();
  });
});
