/**
 * The audit trail: who did what, when, to which record, the values before and
 * after, and why. `recordAudit` must be called inside the same transaction as
 * the change it records (use `inTransaction` from db/transaction.ts), so the
 * change and its entry are saved together or not at all. Entries are
 * append-only (database triggers) and hash-chained (audit-chain.ts).
 *
 * Rule for research data: the first entry needs no reason; any later change
 * does (`requireReasonForChange`).
 */
import type { Db } from '../db/connection';
import {
  iterateAuditEntries,
  lastAuditEntry,
  nextAuditId,
  insertAuditEntry,
  type AuditRow,
} from '../db/queries/audit-entries';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { GENESIS_HASH, canonicalJson, hashAuditEntry, storedText, verifyAuditChain, type ChainVerdict } from './audit-chain';

/** Who did it: a staff user, or the system / command line (id null). */
export interface AuditActor {
  id: number | null;
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = Object.freeze({ id: null, label: 'system' });

export function cliActor(): AuditActor {
  return { id: null, label: 'command line' };
}

export interface AuditInput {
  actor: AuditActor;
  /** create, update, delete, login, login_failed, login_locked, logout, password_change, export, allocate, … */
  action: string;
  /** the table or resource, singular: user, site, participant, response, … */
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** for tests and imports; defaults to now */
  at?: string;
}

const SECRET_KEYS = new Set(['password', 'password_hash', 'new_password', 'current_password', 'token', 'token_hash']);

function withoutSecrets(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withoutSecrets);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET_KEYS.has(k))
      .map(([k, v]) => [k, withoutSecrets(v)]),
  );
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : canonicalJson(withoutSecrets(value));
}

function stored(text: string | null): string | null {
  return text === null ? null : storedText(text);
}

/**
 * Appends one entry to the chain; returns it. Secrets (password fields) are
 * never stored. Text is hashed as it will be stored (a lone surrogate, which
 * the API refuses anyway, becomes U+FFFD in both), so the chain always
 * verifies what is on disk.
 */
export function recordAudit(db: Db, input: AuditInput): AuditRow {
  return inTransaction(db, () => {
    const previous = lastAuditEntry(db);
    const partial: Omit<AuditRow, 'hash'> = {
      id: Math.max(nextAuditId(db), (previous?.id ?? 0) + 1),
      at: input.at ?? new Date().toISOString(),
      actor_id: input.actor.id,
      actor: storedText(input.actor.label),
      action: storedText(input.action),
      entity: storedText(input.entity),
      entity_id: input.entityId === undefined || input.entityId === null ? null : storedText(String(input.entityId)),
      before_json: toJson(input.before),
      after_json: toJson(input.after),
      reason: stored(input.reason?.trim() ? input.reason.trim() : null),
      prev_hash: previous?.hash ?? GENESIS_HASH,
    };
    const row: AuditRow = { ...partial, hash: hashAuditEntry(partial) };
    insertAuditEntry(db, row);
    return row;
  });
}

/**
 * The reason rule for research data: when a record already had a first entry
 * (`before` is not null/undefined), a non-blank reason is required. Returns
 * the trimmed reason (or null for a first entry); throws the `reason_required`
 * problem (400, field `reason`) otherwise.
 */
export function requireReasonForChange(before: unknown, reason: string | null | undefined): string | null {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (before === null || before === undefined) return trimmed || null;
  if (!trimmed) throw problems.reasonRequired();
  return trimmed;
}

/** Walks the whole trail and reports every broken link, if any. */
export function verifyAudit(db: Db): ChainVerdict {
  return verifyAuditChain(iterateAuditEntries(db), nextAuditId(db) - 1);
}
