/**
 * The tablet's local store: IndexedDB through `idb`, with an explicit schema
 * version and one upgrade step per version (as in enketo's store). Everything
 * the participant has answered is written here first, so nothing is lost when
 * the network or the page goes away.
 *
 * Object stores
 * - `sessions`  (v2) the open questionnaire session: forms, position, language
 * - `responses` one record per form response, keyed by its client UUID
 * - `outbox`    responses whose latest revision the server has not yet
 *               acknowledged, ordered by `seq` (index `by-seq`, v2)
 * - `meta`      counters (the next outbox sequence number)
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export const STORE_NAME = 'ips-trial-tablet';
export const STORE_VERSION = 2;

export type Answers = Record<string, string | number | boolean | (string | number)[] | null>;

export interface ResponseRecord {
  clientUuid: string;
  sessionId: string;
  form: string;
  timepoint: number;
  participantId?: number;
  answers: Answers;
  /** increases by one with every change; the server keeps the highest */
  revision: number;
  /** the highest revision the server has acknowledged (0 = none) */
  ackedRevision: number;
  complete: boolean;
  updatedAt: string;
}

export interface OutboxEntry {
  clientUuid: string;
  /** position in the queue: entries are sent in increasing `seq` */
  seq: number;
  /** consecutive failed attempts */
  attempts: number;
  lastError?: string;
  /** the server refused this response (a 4xx other than 401/408/429): kept, not retried automatically */
  rejected?: boolean;
  /** the session it was given in can no longer deliver it (401 from the delivery route): kept, shown to staff */
  undeliverable?: boolean;
}

export type Language = 'sv' | 'da' | 'en';

export interface SessionRecord {
  id: string;
  participantId?: number;
  /** what the participant sees about themselves: the study id only */
  participantLabel?: string;
  timepoint: number;
  mode: 'kiosk' | 'home';
  forms: { form: string; clientUuid: string }[];
  /** the screen the participant is on: 'welcome', '<form>.<field>' of a question, 'review', 'paused' or 'done' */
  step: string;
  /** while paused: the screen to return to */
  resumeStep?: string;
  language: Language;
  createdAt: string;
  /** the server's id of the tablet session (so a finished one is not reopened) */
  serverSessionId?: string;
  /** the tablet session's CSRF token: it also selects this session when its answers are delivered later */
  csrfToken?: string;
  /** the server's public marker of the tablet session (cookie ips_trial_tablet_session) */
  serverMarker?: string;
  /** the server has registered this session for delivering its answers later (POST /api/tablet-delivery) */
  deliveryRegistered?: boolean;
}

export interface TabletSchema extends DBSchema {
  sessions: { key: string; value: SessionRecord };
  responses: { key: string; value: ResponseRecord };
  outbox: { key: string; value: OutboxEntry; indexes: { 'by-seq': number } };
  meta: { key: string; value: number };
}

export type TabletDb = IDBPDatabase<TabletSchema>;
type UpgradeTx = IDBPTransaction<TabletSchema, StoreNames<TabletSchema>[], 'versionchange'>;

/**
 * One step per schema version; step i turns version i into version i + 1.
 * Never edit a released step: add a new one and raise STORE_VERSION.
 */
export const UPGRADE_STEPS: ((db: TabletDb, tx: UpgradeTx) => void)[] = [
  // v1: responses, an outbox keyed by client UUID, counters
  (db) => {
    db.createObjectStore('responses', { keyPath: 'clientUuid' });
    db.createObjectStore('outbox', { keyPath: 'clientUuid' });
    db.createObjectStore('meta');
  },
  // v2: the outbox is read in queue order; sessions remember where the participant is
  (db, tx) => {
    tx.objectStore('outbox').createIndex('by-seq', 'seq');
    db.createObjectStore('sessions', { keyPath: 'id' });
  },
];

/** Opens (creating or upgrading) the store at `version` (tests open older versions). */
export function openStore(name = STORE_NAME, version = STORE_VERSION): Promise<TabletDb> {
  if (version < 1 || version > UPGRADE_STEPS.length) throw new Error(`store version must be 1–${UPGRADE_STEPS.length}, got ${version}`);
  return openDB<TabletSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v += 1) UPGRADE_STEPS[v](db, tx);
    },
  });
}

/** The next outbox sequence number, taken inside the caller's transaction. */
export async function nextSeq(tx: IDBPTransaction<TabletSchema, ('meta' | 'outbox' | 'responses')[], 'readwrite'>): Promise<number> {
  const meta = tx.objectStore('meta');
  const seq = ((await meta.get('seq')) ?? 0) + 1;
  await meta.put(seq, 'seq');
  return seq;
}

export async function getSession(db: TabletDb, id: string): Promise<SessionRecord | undefined> {
  return db.get('sessions', id);
}

export async function putSession(db: TabletDb, session: SessionRecord): Promise<void> {
  await db.put('sessions', session);
}

/** The session that was open when the page was last closed, if any. */
export async function currentSession(db: TabletDb): Promise<SessionRecord | undefined> {
  const all = await db.getAll('sessions');
  return all.filter((s) => s.step !== 'done').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/**
 * Forgets a finished session and every response of it the server has
 * acknowledged, so the next participant on this tablet sees nothing of it.
 * Responses still waiting to be sent stay until they are.
 */
export async function forgetSession(db: TabletDb, id: string): Promise<void> {
  const tx = db.transaction(['sessions', 'responses', 'outbox'], 'readwrite');
  const responses = (await tx.objectStore('responses').getAll()).filter((r) => r.sessionId === id);
  let waiting = false;
  for (const response of responses) {
    const pending = await tx.objectStore('outbox').get(response.clientUuid);
    if (pending) waiting = true;
    else await tx.objectStore('responses').delete(response.clientUuid);
  }
  const session = await tx.objectStore('sessions').get(id);
  if (session && !waiting) await tx.objectStore('sessions').delete(id);
  else if (session) await tx.objectStore('sessions').put({ ...session, step: 'done' });
  await tx.done;
}

/** Removes acknowledged responses of finished sessions (called after the queue drains). */
export async function sweepFinished(db: TabletDb): Promise<void> {
  const finished = (await db.getAll('sessions')).filter((s) => s.step === 'done');
  for (const session of finished) await forgetSession(db, session.id);
}
