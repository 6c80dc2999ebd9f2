/**
 * Keeps the queue moving: flushes after every change, when the browser says
 * it is back online, and on a capped exponential backoff after a failure.
 * Reports the save state for the screen ("saved" / "waiting to send (n)").
 */
import { Backoff, type BackoffOptions } from './backoff';
import { flushQueue, pendingCount, undeliverableCount, type Send } from './queue';
import { sweepFinished, type TabletDb } from './store';

export interface SyncState {
  /** changes not yet acknowledged by the server */
  waiting: number;
  /** responses the server refused (kept on the tablet) */
  rejected: number;
  /** responses of an earlier session that can no longer be delivered (kept on the tablet) */
  undeliverable: number;
  online: boolean;
  sending: boolean;
}

export interface SyncOptions {
  db: TabletDb;
  send: Send;
  onState: (state: SyncState) => void;
  backoff?: BackoffOptions;
  /** the window-like object whose online/offline events are followed */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  isOnline?: () => boolean;
}

export interface Sync {
  /** flush now (after a change); resolves when this round is done */
  kick(): Promise<void>;
  stop(): void;
  state(): SyncState;
}

export function startSync(options: SyncOptions): Sync {
  const backoff = new Backoff(options.backoff);
  const isOnline = options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const events = options.events ?? (typeof window === 'undefined' ? undefined : window);
  let state: SyncState = { waiting: 0, rejected: 0, undeliverable: 0, online: isOnline(), sending: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const publish = (patch: Partial<SyncState>) => {
    state = { ...state, ...patch };
    options.onState(state);
  };

  const schedule = (delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void kick(), delay);
  };

  async function round(): Promise<void> {
    publish({ sending: true, online: isOnline() });
    try {
      const result = await flushQueue(options.db, options.send);
      if (result.retry) schedule(backoff.fail());
      else {
        backoff.reset();
        await sweepFinished(options.db);
      }
      publish({ rejected: result.rejected, undeliverable: result.undeliverable });
    } finally {
      publish({ sending: false, waiting: await pendingCount(options.db) });
    }
  }

  // one flush at a time; a kick during a flush runs one more round after it
  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await round();
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  const onOnline = () => {
    backoff.reset();
    publish({ online: true });
    void kick();
  };
  const onOffline = () => publish({ online: false });
  events?.addEventListener('online', onOnline);
  events?.addEventListener('offline', onOffline);
  void Promise.all([pendingCount(options.db), undeliverableCount(options.db)]).then(([waiting, undeliverable]) => publish({ waiting, undeliverable }));

  return {
    kick,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      events?.removeEventListener('online', onOnline);
      events?.removeEventListener('offline', onOffline);
    },
    state: () => state,
  };
}
