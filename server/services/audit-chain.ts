/**
 * The hash chain of the audit trail, as pure functions. Each entry's hash is
 * SHA-256 (hex) over the canonical JSON (keys sorted, no spaces) of its
 * columns, including its id and the previous entry's hash, computed over the
 * text exactly as SQLite stores it (`storedText`). Verification walks the
 * entries in id order and reports every broken link: an entry whose
 * contents no longer match its hash (altered), a gap in the ids or a
 * prev_hash that does not match the previous entry (removed or inserted), or
 * entries missing at the end (the highest id ever handed out is beyond the
 * last entry).
 */
import { createHash } from 'node:crypto';
import type { AuditRow } from '../db/queries/audit-entries';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashAuditEntry(row: Omit<AuditRow, 'hash'>): string {
  const content = {
    id: row.id,
    at: row.at,
    actor_id: row.actor_id,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entity_id: row.entity_id,
    before_json: row.before_json,
    after_json: row.after_json,
    reason: row.reason,
    prev_hash: row.prev_hash,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** One broken link of the chain. */
export interface ChainBreak {
  /** the entry (or first missing id) where the link is broken */
  at: number;
  problem: 'altered' | 'removed' | 'inserted';
  message: string;
}

/**
 * `ok: false` lists every broken link in `breaks` (in id order); `brokenAt`,
 * `problem` and `message` repeat the first of them.
 */
export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; problem: ChainBreak['problem']; message: string; breaks: ChainBreak[] };

/** What SQLite will give back for `text`: a lone surrogate is stored (and read) as U+FFFD. */
export function storedText(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** The break at `row`, if any: a gap before it, a wrong link to its predecessor, or contents that no longer match its hash. */
function breakAt(row: AuditRow, previous: AuditRow | undefined): ChainBreak | undefined {
  const expectedId = previous ? previous.id + 1 : 1;
  if (row.id > expectedId) {
    const span = row.id - 1 === expectedId ? `entry ${expectedId}` : `entries ${expectedId}–${row.id - 1}`;
    return { at: expectedId, problem: 'removed', message: `${span} removed (the chain jumps from entry ${expectedId - 1} to entry ${row.id})` };
  }
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (row.prev_hash !== expectedPrev) {
    return {
      at: row.id,
      problem: 'inserted',
      message: `entry ${row.id} does not link to ${previous ? `entry ${previous.id}` : 'the start of the chain'} (an entry was inserted, replaced or re-hashed)`,
    };
  }
  if (hashAuditEntry(row) !== row.hash) {
    return { at: row.id, problem: 'altered', message: `entry ${row.id} was altered (its contents no longer match its hash)` };
  }
  return undefined;
}

/**
 * Checks the whole chain and reports every broken link, not only the first:
 * after a break it carries on from the entry as stored, so two altered
 * entries are two breaks. `highestIdIssued` is the largest id the table has
 * ever handed out (sqlite_sequence), so removing the newest entries is
 * noticed.
 */
export function verifyAuditChain(rows: Iterable<AuditRow>, highestIdIssued: number): ChainVerdict {
  let previous: AuditRow | undefined;
  let count = 0;
  const breaks: ChainBreak[] = [];
  for (const row of rows) {
    count++;
    const found = breakAt(row, previous);
    if (found) breaks.push(found);
    // after a gap the link is to the removed entry, so the gap is the one break; its own hash is still checked
    if (found?.problem === 'removed' && hashAuditEntry(row) !== row.hash) {
      breaks.push({ at: row.id, problem: 'altered', message: `entry ${row.id} was altered (its contents no longer match its hash)` });
    }
    previous = row;
  }
  const lastId = previous?.id ?? 0;
  if (highestIdIssued > lastId) {
    breaks.push({ at: lastId + 1, problem: 'removed', message: `entries ${lastId + 1}–${highestIdIssued} removed from the end of the trail` });
  }
  if (breaks.length === 0) return { ok: true, entries: count, lastHash: previous?.hash ?? GENESIS_HASH };
  const [first] = breaks;
  return { ok: false, entries: count, brokenAt: first.at, problem: first.problem, message: first.message, breaks };
}
