/**
 * Coaches' work: time logs (one entry, or a week's rows in one request that
 * are saved all together or not at all), caseloads with the fidelity
 * warning (default above 20 active IPS participants per coach).
 */
import type { Db } from '../db/connection';
import { findParticipant } from '../db/queries/participants';
import { findSiteByCode, findSiteById } from '../db/queries/sites';
import * as logs from '../db/queries/time-logs';
import type { UserRow } from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import { problems, type FieldProblem } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { plausibleAfter, refuseImplausible } from './date-plausibility';
import { validateForm } from '../../data-dictionary/validate';
import type { Answers } from './operations-forms';
import { mergePatch, recordCorrection, type CorrectionView } from './record-corrections';
import { canSeeSite } from './site-access';
import { getStudySettings } from './study-settings';

export interface TimeLogInput {
  entry: Answers;
  participantId?: number;
  site?: string;
}

/** The site and participant of a log, or what is wrong (a log of a participant is dated from the referral on, never in the future). */
function resolveScope(db: Db, user: Pick<UserRow, 'id' | 'role'>, input: TimeLogInput, prefix: string, clock: Date): { siteId: number; participantId: number | null } | FieldProblem {
  const date = String(input.entry.log_date);
  if (input.entry.log_scope === 'participant') {
    if (input.participantId === undefined) return { field: `${prefix}participantId`, message: 'participantId is required when log_scope is participant' };
    const participant = findParticipant(db, input.participantId);
    if (!participant || !canSeeSite(db, user, participant.site_id)) return { field: `${prefix}participantId`, message: `participant ${input.participantId} does not exist` };
    return plausibleAfter(`${prefix}entry.log_date`, date, clock, { limit: participant.referral_date, code: 'before_referral', event: 'referral' }) ?? { siteId: participant.site_id, participantId: participant.id };
  }
  if (input.site === undefined) return { field: `${prefix}site`, message: 'site is required when log_scope is site' };
  const site = findSiteByCode(db, input.site);
  if (!site || !canSeeSite(db, user, site.id)) return { field: `${prefix}site`, message: `site "${input.site}" does not exist or is not yours` };
  return plausibleAfter(`${prefix}entry.log_date`, date, clock) ?? { siteId: site.id, participantId: null };
}

/** Saves every row or none; returns the new rows. */
export function addTimeLogs(db: Db, actor: AuditActor, user: Pick<UserRow, 'id' | 'role'>, inputs: TimeLogInput[], prefix: (i: number) => string, clock: Date = new Date()): logs.TimeLogRow[] {
  return inTransaction(db, () => {
    const errors: FieldProblem[] = [];
    const resolved = inputs.map((input, i) => {
      const scope = resolveScope(db, user, input, prefix(i), clock);
      if ('field' in scope) errors.push(scope);
      return scope;
    });
    if (errors.length) throw errors.every((e) => e.code) ? problems.implausibleDate(errors) : problems.invalidBody(errors);
    const now = new Date().toISOString();
    return inputs.map((input, i) => {
      const scope = resolved[i] as { siteId: number; participantId: number | null };
      const id = logs.insertTimeLog(db, {
        staff_id: user.id,
        site_id: scope.siteId,
        participant_id: scope.participantId,
        log_scope: input.entry.log_scope as 'participant' | 'site',
        log_date: String(input.entry.log_date),
        staff_role: String(input.entry.staff_role),
        activity: String(input.entry.activity),
        minutes: Number(input.entry.minutes),
      }, now);
      const row = logs.findTimeLog(db, id)!;
      recordAudit(db, { actor, action: 'create', entity: 'time_log', entityId: id, after: row });
      return row;
    });
  });
}

/** A log the user may change: coaches their own, others those of their sites (404 otherwise). */
export function changeableTimeLog(db: Db, user: Pick<UserRow, 'id' | 'role'>, id: number): logs.TimeLogRow {
  const row = logs.findTimeLog(db, id);
  if (!row || (user.role === 'coach' && row.staff_id !== user.id) || !canSeeSite(db, user, row.site_id)) throw problems.notFound('time log', id);
  return row;
}

const correctable = (row: logs.TimeLogRow) => ({ log_date: row.log_date, staff_role: row.staff_role, activity: row.activity, minutes: row.minutes, log_scope: row.log_scope });

/** Deletes a log with a reason; the deleted row stays in record_corrections and the audit trail. */
export function deleteTimeLog(db: Db, actor: AuditActor, user: Pick<UserRow, 'id' | 'role'>, id: number, reason: string): void {
  inTransaction(db, () => {
    const row = changeableTimeLog(db, user, id);
    logs.deleteTimeLog(db, id);
    recordCorrection(db, { kind: 'time_log', recordId: id, entity: 'time_log', entityId: id, participantId: row.participant_id, siteId: row.site_id, before: { ...row }, after: null, reason, actor, part: 'entry' });
  });
}

/**
 * Corrects the date, staff role, activity or minutes of a log (`patch`: the
 * changed fields of the time_log form; its scope and participant stay). The
 * corrected log is validated as a new one (schema, date not in the future,
 * not before the participant's referral).
 */
export function correctTimeLog(db: Db, actor: AuditActor, user: Pick<UserRow, 'id' | 'role'>, id: number, patch: Answers, reason: string, clock: Date = new Date()): { timeLog: logs.TimeLogRow; correction: CorrectionView } {
  return inTransaction(db, () => {
    const row = changeableTimeLog(db, user, id);
    if (patch.log_scope !== undefined && patch.log_scope !== row.log_scope) {
      throw problems.invalidBody([{ field: 'entry.log_scope', message: 'log_scope cannot be corrected; delete the log (with a reason) and enter it again' }]);
    }
    const merged = mergePatch(correctable(row), patch);
    const result = validateForm('time_log', merged);
    if (!result.ok) throw problems.invalidBody(result.errors.map((e) => ({ field: e.field ? `entry.${e.field}` : 'entry', message: e.message })));
    const participant = row.participant_id === null ? undefined : findParticipant(db, row.participant_id);
    refuseImplausible(plausibleAfter('entry.log_date', String(result.value.log_date), clock, participant ? { limit: participant.referral_date, code: 'before_referral', event: 'referral' } : undefined));
    const after = { log_date: String(result.value.log_date), staff_role: String(result.value.staff_role), activity: String(result.value.activity), minutes: Number(result.value.minutes) };
    logs.correctTimeLog(db, id, after, new Date().toISOString());
    const saved = logs.findTimeLog(db, id)!;
    const correction = recordCorrection(db, { kind: 'time_log', recordId: id, entity: 'time_log', entityId: id, participantId: row.participant_id, siteId: row.site_id, before: { ...row, created_at: undefined, updated_at: undefined }, after: { ...saved, created_at: undefined, updated_at: undefined }, reason, actor, part: 'entry' });
    return { timeLog: saved, correction };
  });
}

export function listTimeLogs(db: Db, user: Pick<UserRow, 'id' | 'role'>, siteIds: number[] | null, from: string, to: string): logs.TimeLogRow[] {
  const rows = logs.listTimeLogs(db, { from, to });
  const sites = siteIds === null ? null : new Set(siteIds);
  return rows.filter((r) => (sites === null || sites.has(r.site_id)) && (user.role !== 'coach' || r.staff_id === user.id));
}

export function caseloadReport(db: Db): { limit: number; coaches: (logs.CaseloadRow & { overLimit: boolean })[] } {
  const limit = getStudySettings(db).caseloadWarning;
  return { limit, coaches: logs.caseloads(db).map((c) => ({ ...c, overLimit: c.active_participants > limit })) };
}

/** A time log with the site code and the participant's study id. */
export function viewTimeLog(db: Db, row: logs.TimeLogRow) {
  return { ...row, site: findSiteById(db, row.site_id)?.code ?? null, study_id: row.participant_id === null ? null : (findParticipant(db, row.participant_id)?.study_id ?? null) };
}
