/**
 * One correction mechanism for every stored record (questionnaire
 * responses, time logs, employment episodes, process statuses, fidelity
 * reviews). A kind's service loads the record, merges the staff's changed
 * fields, validates the result as a new submission would be validated
 * (data-dictionary schema, date plausibility, answer windows), writes the
 * current value, and then calls `recordCorrection` in the same transaction:
 * it works out which fields changed (none → 400 `no_change` naming the
 * part), keeps the whole earlier record in `record_corrections` (migration
 * 0025) and writes one audit entry whose before/after hold the changed
 * fields only, with the reason. Exports, scores and completion read the
 * record itself, so they carry the current value.
 */
import type { Db } from '../db/connection';
import * as history from '../db/queries/record-corrections';
import type { RecordKind } from '../db/queries/record-corrections';
import { problems, type FieldProblem } from '../errors';
import { canonicalJson } from './audit-chain';
import { recordAudit, type AuditActor } from './audit';
import type { Answers } from './operations-forms';

export type { RecordKind };

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** Nested plain objects become dotted keys ({answers: {eq5d_mo: 2}} → {"answers.eq5d_mo": 2}); null and missing are the same. */
export function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = v;
  }
  return out;
}

/** The fields whose value differs between two records (dotted keys, sorted), with both values (null when absent). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, FieldChange> {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const changes: Record<string, FieldChange> = {};
  for (const key of keys) {
    if (canonicalJson(a[key] ?? null) !== canonicalJson(b[key] ?? null)) changes[key] = { before: a[key] ?? null, after: b[key] ?? null };
  }
  return changes;
}

/** The stored answers with the changed fields applied: a value replaces, `null` clears a field. */
export function mergePatch(stored: Answers, patch: Answers): Answers {
  const merged: Answers = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** The reason of a correction: required and non-blank (400 `reason_required`), at most 500 characters. */
export function readReason(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) throw problems.reasonRequired();
  if (typeof value !== 'string' || value.length > 500) throw problems.invalidBody([{ field: 'reason', message: 'reason must be text of 1 to 500 characters' }]);
  return value.trim();
}

/**
 * A correction body `{ <part>: { changed fields }, reason, …extra }`: the
 * reason first (so a missing one is always `reason_required`), then the part
 * (an object, may be left out when `extra` fields carry the change) and no
 * unknown field.
 */
export function readCorrectionBody(body: unknown, part: string, extra: Record<string, (v: unknown) => string | null> = {}): { patch: Answers; reason: string; extra: Record<string, unknown> } {
  if (body === undefined || body === null) body = {};
  if (typeof body !== 'object' || Array.isArray(body)) throw problems.bodyNotObject();
  const input = body as Record<string, unknown>;
  const reason = readReason(input.reason);
  const errors: FieldProblem[] = [];
  for (const key of Object.keys(input)) if (key !== part && key !== 'reason' && !Object.hasOwn(extra, key)) errors.push({ field: key, message: `unknown field '${key}'` });
  const raw = input[part];
  const hasExtra = Object.keys(extra).some((k) => input[k] !== undefined);
  if (raw === undefined && !hasExtra) errors.push({ field: part, message: `${part} is required: the fields to correct with their new values` });
  else if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) errors.push({ field: part, message: `${part} must be an object of field names and their corrected values` });
  const values: Record<string, unknown> = {};
  for (const [name, check] of Object.entries(extra)) {
    if (input[name] === undefined) continue;
    const message = check(input[name]);
    if (message) errors.push({ field: name, message });
    else values[name] = input[name];
  }
  if (errors.length) throw problems.invalidBody(errors);
  return { patch: (raw ?? {}) as Answers, reason, extra: values };
}

export interface CorrectionInput {
  kind: RecordKind;
  recordId: number;
  /** audit entity and id, as the record's first entry wrote them */
  entity: string;
  entityId: string | number;
  participantId: number | null;
  siteId: number | null;
  /** the whole record before and after (after null: deleted) */
  before: Record<string, unknown>;
  after: Record<string, unknown> | null;
  reason: string;
  actor: AuditActor;
  /** the body part named when nothing changed */
  part: string;
}

export interface CorrectionView {
  id: number;
  recordKind: RecordKind;
  recordId: number;
  action: 'correct' | 'delete';
  changes: Record<string, FieldChange>;
  before: Record<string, unknown>;
  after: Record<string, unknown> | null;
  reason: string;
  correctedBy: string;
  correctedAt: string;
}

export function viewCorrection(row: history.RecordCorrectionRow): CorrectionView {
  return {
    id: row.id,
    recordKind: row.record_kind,
    recordId: row.record_id,
    action: row.action,
    changes: JSON.parse(row.changes_json) as Record<string, FieldChange>,
    before: JSON.parse(row.before_json) as Record<string, unknown>,
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as Record<string, unknown>),
    reason: row.reason,
    correctedBy: row.corrector,
    correctedAt: row.corrected_at,
  };
}

/**
 * Keeps the earlier record and writes the audit entry (call inside the
 * transaction that changed the record). Throws 400 `no_change` when a
 * correction changes nothing.
 */
export function recordCorrection(db: Db, input: CorrectionInput): CorrectionView {
  const changes = changedFields(input.before, input.after ?? {});
  if (input.after !== null && Object.keys(changes).length === 0) throw problems.noChange(input.part);
  const action = input.after === null ? 'delete' : 'correct';
  const at = new Date().toISOString();
  const id = history.insertRecordCorrection(db, {
    record_kind: input.kind,
    record_id: input.recordId,
    participant_id: input.participantId,
    site_id: input.siteId,
    action,
    before_json: JSON.stringify(input.before),
    after_json: input.after === null ? null : JSON.stringify(input.after),
    changes_json: JSON.stringify(changes),
    reason: input.reason,
    corrected_by: input.actor.id,
    corrector: input.actor.label,
    corrected_at: at,
  });
  const side = (which: 'before' | 'after') => Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c[which]]));
  recordAudit(db, {
    actor: input.actor,
    action: action === 'delete' ? 'delete' : 'correct',
    entity: input.entity,
    entityId: input.entityId,
    before: action === 'delete' ? input.before : side('before'),
    after: action === 'delete' ? null : side('after'),
    reason: input.reason,
    at,
  });
  return viewCorrection(history.listCorrectionsOfRecord(db, input.kind, input.recordId).find((c) => c.id === id)!);
}

export function correctionsOfRecord(db: Db, kind: RecordKind, recordId: number): CorrectionView[] {
  return history.listCorrectionsOfRecord(db, kind, recordId).map(viewCorrection);
}

export function correctionsOfParticipant(db: Db, participantId: number): CorrectionView[] {
  return history.listCorrectionsOfParticipant(db, participantId).map(viewCorrection);
}
