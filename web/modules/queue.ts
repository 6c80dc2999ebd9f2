/**
 * The submission queue. Every change to a response is written to IndexedDB
 * together with an outbox entry in ONE transaction (so a crash never leaves a
 * change that is not queued), and `flush` sends the whole answer set of each
 * queued response with its current `revision` through the `send` the app
 * passes in (`PUT /api/tablet-delivery/:clientUuid`). The server keeps the
 * highest revision and never creates a second row for a client UUID, so
 * retries are harmless.
 *
 * Entries are sent in the order they were first queued; later changes to a
 * queued response coalesce into its entry (only the newest answer set matters).
 */
import { nextSeq, type Answers, type OutboxEntry, type ResponseRecord, type TabletDb } from './store';

export interface ResponsePayload {
  participantId?: number;
  timepoint: number;
  form: string;
  answers: Answers;
  revision: number;
  complete: boolean;
  /** the tablet's calendar date of the last change (for a complete response: the day it was completed) */
  answered_on: string;
}

export type SendResult =
  /** stored; `revision` is the revision the server now holds */
  | { kind: 'ok'; revision: number }
  /** network down, 5xx, 408, 429, 401: keep and try again later */
  | { kind: 'retry'; error: string }
  /** the server refused the content (4xx): keep it, show it, do not retry by itself */
  | { kind: 'rejected'; error: string }
  /**
   * the session it was answered in can no longer deliver (ended too long ago,
   * or unknown to this device): keep it, show staff the count, do not retry by itself
   */
  | { kind: 'undeliverable'; error: string };

export type Send = (clientUuid: string, payload: ResponsePayload) => Promise<SendResult>;

export interface FlushResult {
  sent: number;
  /** true when a transient failure stopped the flush (the caller backs off) */
  retry: boolean;
  rejected: number;
  /** responses kept because their session can no longer deliver them */
  undeliverable: number;
}

/** The device's local calendar date (YYYY-MM-DD) of an ISO timestamp: the day the participant saw. */
export function localDateOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function payloadOf(response: ResponseRecord): ResponsePayload {
  const payload: ResponsePayload = {
    timepoint: response.timepoint,
    form: response.form,
    answers: response.answers,
    revision: response.revision,
    complete: response.complete,
    answered_on: localDateOf(response.updatedAt),
  };
  if (response.participantId !== undefined) payload.participantId = response.participantId;
  return payload;
}

/** Creates the response record (revision 0, nothing queued) unless it exists. */
export async function ensureResponse(db: TabletDb, init: Omit<ResponseRecord, 'answers' | 'revision' | 'ackedRevision' | 'complete' | 'updatedAt'>): Promise<ResponseRecord> {
  const tx = db.transaction('responses', 'readwrite');
  const existing = await tx.store.get(init.clientUuid);
  if (existing) {
    await tx.done;
    return existing;
  }
  const record: ResponseRecord = { ...init, answers: {}, revision: 0, ackedRevision: 0, complete: false, updatedAt: new Date().toISOString() };
  await tx.store.put(record);
  await tx.done;
  return record;
}

/**
 * Continues a response the server already holds (started on another device
 * or before the tablet's storage was cleared): same client UUID, its answers,
 * and its revision as already acknowledged, so the next change goes above it.
 */
export async function adoptResponse(db: TabletDb, init: Omit<ResponseRecord, 'answers' | 'revision' | 'ackedRevision' | 'complete' | 'updatedAt'>, saved: { answers: Answers; revision: number }): Promise<ResponseRecord> {
  const record: ResponseRecord = { ...init, answers: saved.answers, revision: saved.revision, ackedRevision: saved.revision, complete: false, updatedAt: new Date().toISOString() };
  await db.put('responses', record);
  return record;
}

/**
 * Applies `change` to a response, raises its revision and queues it, in one
 * transaction. A response already completed is final and refuses changes.
 */
export async function changeResponse(db: TabletDb, clientUuid: string, change: (answers: Answers) => { answers: Answers; complete?: boolean }): Promise<ResponseRecord> {
  const tx = db.transaction(['responses', 'outbox', 'meta'], 'readwrite');
  const responses = tx.objectStore('responses');
  const current = await responses.get(clientUuid);
  if (!current) throw new Error(`no response ${clientUuid} in the store`);
  if (current.complete) throw new Error(`response ${clientUuid} is already submitted and cannot change`);
  const next = change({ ...current.answers });
  const updated: ResponseRecord = {
    ...current,
    answers: next.answers,
    complete: next.complete ?? false,
    revision: current.revision + 1,
    updatedAt: new Date().toISOString(),
  };
  await responses.put(updated);
  const outbox = tx.objectStore('outbox');
  const queued = await outbox.get(clientUuid);
  if (queued) await outbox.put({ ...queued, rejected: false, undeliverable: false, attempts: 0 });
  else await outbox.put({ clientUuid, seq: await nextSeq(tx), attempts: 0 });
  await tx.done;
  return updated;
}

/** Saves one answer (`undefined` removes it). */
export function saveAnswer(db: TabletDb, clientUuid: string, field: string, value: Answers[string] | undefined): Promise<ResponseRecord> {
  return changeResponse(db, clientUuid, (answers) => {
    if (value === undefined) delete answers[field];
    else answers[field] = value;
    return { answers };
  });
}

/** Marks a response complete (the participant pressed submit). */
export function completeResponse(db: TabletDb, clientUuid: string): Promise<ResponseRecord> {
  return changeResponse(db, clientUuid, (answers) => ({ answers, complete: true }));
}

/** Outbox entries in the order they will be sent. */
export async function queuedEntries(db: TabletDb): Promise<OutboxEntry[]> {
  return db.getAllFromIndex('outbox', 'by-seq');
}

/**
 * How many changes wait to be sent: for each queued response, the revisions
 * the server has not acknowledged (one per answer given).
 */
export async function pendingCount(db: TabletDb): Promise<number> {
  let count = 0;
  for (const entry of await queuedEntries(db)) {
    if (entry.undeliverable) continue;
    const response = await db.get('responses', entry.clientUuid);
    if (response) count += Math.max(1, response.revision - response.ackedRevision);
  }
  return count;
}

async function acknowledge(db: TabletDb, clientUuid: string, sentRevision: number, storedRevision: number): Promise<void> {
  const tx = db.transaction(['responses', 'outbox'], 'readwrite');
  const response = await tx.objectStore('responses').get(clientUuid);
  if (response) {
    const acked = Math.max(response.ackedRevision, Math.min(storedRevision, response.revision), sentRevision);
    await tx.objectStore('responses').put({ ...response, ackedRevision: acked });
    // a newer change made while this one was in flight stays queued
    if (response.revision <= acked) await tx.objectStore('outbox').delete(clientUuid);
  } else {
    await tx.objectStore('outbox').delete(clientUuid);
  }
  await tx.done;
}

/** How many responses are kept because the session they were given in can no longer deliver them. */
export async function undeliverableCount(db: TabletDb): Promise<number> {
  return (await queuedEntries(db)).filter((entry) => entry.undeliverable).length;
}

async function noteFailure(db: TabletDb, clientUuid: string, error: string, kind: SendResult['kind']): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const entry = await tx.store.get(clientUuid);
  if (entry) await tx.store.put({ ...entry, attempts: entry.attempts + 1, lastError: error, rejected: kind === 'rejected', undeliverable: kind === 'undeliverable' });
  await tx.done;
}

/**
 * Sends every queued response once, oldest first. Stops at the first
 * transient failure (the network is probably down: the rest would fail too);
 * a refused response is kept, marked, and skipped, and so is one whose
 * session can no longer deliver it (so it never holds up the next
 * participant's answers).
 */
export async function flushQueue(db: TabletDb, send: Send): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, retry: false, rejected: 0, undeliverable: 0 };
  for (const entry of await queuedEntries(db)) {
    if (entry.undeliverable) {
      result.undeliverable += 1;
      continue;
    }
    if (entry.rejected) {
      result.rejected += 1;
      continue;
    }
    const response = await db.get('responses', entry.clientUuid);
    if (!response) {
      await db.delete('outbox', entry.clientUuid);
      continue;
    }
    const outcome = await send(response.clientUuid, payloadOf(response));
    if (outcome.kind === 'ok') {
      await acknowledge(db, response.clientUuid, response.revision, outcome.revision);
      result.sent += 1;
    } else {
      await noteFailure(db, response.clientUuid, outcome.error, outcome.kind);
      if (outcome.kind === 'retry') {
        result.retry = true;
        return result;
      }
      if (outcome.kind === 'undeliverable') result.undeliverable += 1;
      else result.rejected += 1;
    }
  }
  return result;
}
