/**
 * The SUS worklist and SUS sheets, for the person who registers
 * participants in SUS (SUS has no public API: they copy the values by hand).
 * The worklist lists the participants of the funded intervention whose
 * start or end registration is due (not captured yet), incomplete (a field
 * SUS asks for is empty) or not yet entered into SUS, and the starters and
 * leavers of a month. A sheet gives one participant's values in SUS's order
 * (data-dictionary/sus.ts): the personal identity number only for a
 * participant who consented and only to roles that may read it; otherwise
 * sex and age group, as SUS counts an anonymous participant. Printing
 * sheets is an audit entry (they may carry identity numbers).
 */
import { missingSusFields, susAgeGroup, SUS_ORDER, type SusKind } from '../../data-dictionary/sus';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import { findSiteByCode, listSites } from '../db/queries/sites';
import type { Role } from '../db/queries/users';
import { listSusParticipants, type SusParticipantRow } from '../db/queries/sus-registrations';
import { problems, type FieldProblem } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { identifierAccess, studyToday } from './participant-access';
import { identifierKeys, readIdentifiers } from './participant-identifiers';
import { siteScope } from './site-access';

export type SusState = 'not_due' | 'missing' | 'incomplete' | 'not_entered' | 'entered';

interface StaffUser { id: number; role: Role }

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

function state(json: string | null, enteredOn: string | null, due: boolean, kind: SusKind, consent: boolean | null): { state: SusState; missing: string[] } {
  const answers = parse(json);
  if (answers === null) return { state: due ? 'missing' : 'not_due', missing: [] };
  const missing = missingSusFields(kind, answers, consent);
  return { state: missing.length ? 'incomplete' : enteredOn === null ? 'not_entered' : 'entered', missing };
}

function item(row: SusParticipantRow) {
  const consent = row.consent === null ? null : row.consent === 1;
  const inIntervention = row.in_ips === 1 || row.start_json !== null;
  const start = state(row.start_json, row.start_entered_on, inIntervention, 'start', consent);
  const end = state(row.end_json, row.end_entered_on, row.ended_on !== null, 'end', consent);
  return {
    participantId: row.id, studyId: row.study_id, site: row.site,
    startDate: row.start_date ?? row.randomized_on, endDate: row.end_date ?? row.ended_on,
    consent, start: start.state, startMissing: start.missing, end: end.state, endMissing: end.missing,
  };
}

export type SusWorklistItem = ReturnType<typeof item>;
const OPEN: ReadonlySet<SusState> = new Set(['missing', 'incomplete', 'not_entered']);

function visibleRows(db: Db, user: StaffUser, options: { site?: string | null; ids?: number[] }): SusParticipantRow[] {
  const scope = siteScope(db, user);
  const codes = scope === null ? null : new Set(listSites(db).filter((s) => scope.includes(s.id)).map((s) => s.code));
  return listSusParticipants(db, options).filter((r) => (r.in_ips === 1 || r.start_json !== null) && (codes === null || codes.has(r.site)));
}

/** @throws invalid_query naming month or site */
export function readWorklistQuery(db: Db, query: Record<string, unknown>): { month: string; site: string | null } {
  const errors: FieldProblem[] = [];
  const month = typeof query.month === 'string' && query.month !== '' ? query.month : studyToday(db).slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.push({ field: 'month', message: `month must be YYYY-MM, got "${month}"` });
  const site = typeof query.site === 'string' && query.site !== '' ? query.site : null;
  if (site !== null && !findSiteByCode(db, site)) errors.push({ field: 'site', message: `site "${site}" does not exist` });
  for (const k of Object.keys(query)) if (k !== 'month' && k !== 'site') errors.push({ field: k, message: `unknown parameter '${k}'` });
  if (errors.length) throw problems.invalidQuery(errors);
  return { month, site };
}

/** Due or incomplete registrations (any month), and the starters and leavers of `month` (YYYY-MM). */
export function susWorklist(db: Db, user: StaffUser, month: string, site: string | null) {
  const items = visibleRows(db, user, { site }).map(item);
  return {
    month,
    due: items.filter((i) => OPEN.has(i.start) || OPEN.has(i.end)),
    starters: items.filter((i) => i.startDate?.slice(0, 7) === month),
    leavers: items.filter((i) => i.endDate?.slice(0, 7) === month),
  };
}

/** A personnummer as SUS asks for it (YYYYMMDD-NNNN), a CPR number as DDMMYY-NNNN. */
function asWritten(normalised: string): string {
  const digits = normalised.replace(/\D/g, '');
  return digits.length === 12 ? `${digits.slice(0, 8)}-${digits.slice(8)}` : digits.length === 10 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : normalised;
}

function entries(kind: SusKind, json: string | null) {
  const answers = parse(json);
  if (answers === null) return null;
  return SUS_ORDER[kind].map((field) => ({ field, value: answers[field] ?? null }));
}

/** SUS sheets of the given participants (study ids or numeric ids), in the order asked. */
export function susSheets(db: Db, config: Pick<Config, 'secretsDir'>, actor: AuditActor, user: StaffUser, ids: string[]) {
  if (ids.length === 0 || ids.length > 200) throw problems.invalidQuery([{ field: 'participants', message: 'participants must list 1 to 200 study ids, comma-separated' }]);
  const rows = visibleRows(db, user, {});
  const byKey = new Map<string, SusParticipantRow>();
  for (const r of rows) { byKey.set(r.study_id, r); byKey.set(String(r.id), r); }
  const unknown = ids.filter((id) => !byKey.has(id));
  if (unknown.length) throw problems.invalidQuery([{ field: 'participants', message: `not in the funded intervention or not visible to you: ${unknown.slice(0, 10).join(', ')}` }]);
  const access = identifierAccess(user.role);
  const keys = access === 'all' ? identifierKeys(db, config) : null;
  const sheets = ids.map((id) => {
    const row = byKey.get(id)!;
    const w = item(row);
    const identity = keys && w.consent === true ? readIdentifiers(db, keys, row.id, 'all') : null;
    const onDate = row.start_date ?? row.randomized_on ?? studyToday(db);
    return {
      participantId: row.id, studyId: row.study_id, site: row.site, consent: w.consent,
      nationalId: identity ? { kind: identity.national_id_kind as string, value: asWritten(String(identity.personal_number)) } : null,
      nationalIdWithheld: w.consent === true && identity === null,
      sex: row.sex, ageGroup: susAgeGroup(row.birth_year, onDate),
      start: { state: w.start, missing: w.startMissing, enteredOn: row.start_entered_on, entries: entries('start', row.start_json) },
      end: { state: w.end, missing: w.endMissing, enteredOn: row.end_entered_on, entries: entries('end', row.end_json) },
    };
  });
  recordAudit(db, { actor, action: 'read', entity: 'sus_sheet', after: { study_ids: sheets.map((s) => s.studyId), with_national_id: sheets.filter((s) => s.nationalId).length } });
  return sheets;
}
