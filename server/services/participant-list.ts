/**
 * The participants list as staff work with it: search, filters, sort and
 * server-side pages (a study has hundreds of participants).
 *
 * `q` matches the study id (case-insensitive, any part: "0007", "ore-aff")
 * and — only for roles that may see names (participant-access.ts: admin,
 * trial manager; coaches at their own sites) — the participant's name, read
 * through the identifier service. The answer never carries the name: it only
 * decides which rows match, so a data monitor's search cannot probe for a
 * name. A trial manager or admin may also type a whole personnummer or CPR
 * number: it is found exactly through the keyed blind index (names and
 * numbers are encrypted with a random IV, so a part of a number cannot be
 * searched without decrypting every row; a name is matched by decrypting
 * the names of the participants this user may see, which a study of
 * hundreds affords). Each search that read names is one audit entry
 * (action "search", entity "participant": who, when, how many matched —
 * never the searched text). Filters: site code, flow stage, arm (`ips`, `control`, `none`),
 * coach (`me`, an id, `none`). Sort: `study_id`, `site`, `stage`, `arm`,
 * `referral_date`, with a leading `-` for descending. Pages: `page` from 1,
 * `per_page` 1–100 (default 25); without either, every matching row (the
 * dashboard's counts). `total` is always the number of matching rows.
 */
import type { Db } from '../db/connection';
import { listParticipants } from '../db/queries/participants';
import { findSiteByCode } from '../db/queries/sites';
import type { UserRow } from '../db/queries/users';
import { problems, type FieldProblem } from '../errors';
import type { IdentifierKeys } from '../identity/identifier-cipher';
import { recordAudit, type AuditActor } from './audit';
import { identifierAccess, studyToday } from './participant-access';
import { participantWithNationalId, readIdentifiers } from './participant-identifiers';
import { summarize, type FlowStage, type ParticipantSummary } from './participants';
import { siteScope } from './site-access';

const STAGES: FlowStage[] = ['referred', 'not_eligible', 'eligible', 'declined', 'consented', 'randomized', 'withdrawn'];
const SORTS = ['study_id', 'site', 'stage', 'arm', 'referral_date'] as const;
type SortKey = (typeof SORTS)[number];
const PARAMS = ['q', 'site', 'stage', 'arm', 'coach', 'sort', 'page', 'per_page'];
export const DEFAULT_PER_PAGE = 25;

export interface ParticipantListQuery {
  q?: string;
  siteId?: number;
  stage?: FlowStage;
  arm?: 'ips' | 'control' | 'none';
  coach?: number | 'none';
  sort: SortKey;
  descending: boolean;
  page?: { number: number; size: number };
}

const positive = (v: unknown, max: number) => (typeof v === 'string' && /^[1-9]\d{0,5}$/.test(v) && Number(v) <= max ? Number(v) : null);

/** Checks the query string; every problem at once (400 invalid_query). */
export function readParticipantListQuery(db: Db, user: Pick<UserRow, 'id'>, query: Record<string, unknown>): ParticipantListQuery {
  const errors: FieldProblem[] = Object.keys(query).filter((k) => !PARAMS.includes(k)).map((k) => ({ field: k, message: `unknown query parameter '${k}'` }));
  const text = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : query[k] === undefined ? undefined : (errors.push({ field: k, message: `${k} must be given once` }), undefined));
  const result: ParticipantListQuery = { sort: 'study_id', descending: false };
  const q = text('q')?.trim();
  if (q) result.q = q.slice(0, 100);
  const site = text('site');
  if (site !== undefined) {
    const row = findSiteByCode(db, site);
    if (row) result.siteId = row.id;
    else errors.push({ field: 'site', message: `site "${site.slice(0, 40)}" does not exist` });
  }
  const stage = text('stage');
  if (stage !== undefined) {
    if (STAGES.includes(stage as FlowStage)) result.stage = stage as FlowStage;
    else errors.push({ field: 'stage', message: `stage must be one of ${STAGES.join(', ')}` });
  }
  const arm = text('arm');
  if (arm !== undefined) {
    if (arm === 'ips' || arm === 'control' || arm === 'none') result.arm = arm;
    else errors.push({ field: 'arm', message: 'arm must be one of ips, control, none' });
  }
  const coach = text('coach');
  if (coach !== undefined) {
    if (coach === 'me') result.coach = user.id;
    else if (coach === 'none') result.coach = 'none';
    else if (positive(coach, 999_999) !== null) result.coach = Number(coach);
    else errors.push({ field: 'coach', message: 'coach must be a staff id, "me" or "none"' });
  }
  const sort = text('sort');
  if (sort !== undefined) {
    const key = sort.replace(/^-/, '');
    if ((SORTS as readonly string[]).includes(key)) Object.assign(result, { sort: key as SortKey, descending: sort.startsWith('-') });
    else errors.push({ field: 'sort', message: `sort must be one of ${SORTS.join(', ')} (a leading - for descending)` });
  }
  const page = text('page');
  const perPage = text('per_page');
  if (page !== undefined || perPage !== undefined) {
    const number = page === undefined ? 1 : positive(page, 999_999);
    const size = perPage === undefined ? DEFAULT_PER_PAGE : positive(perPage, 100);
    if (number === null) errors.push({ field: 'page', message: 'page must be a whole number from 1' });
    if (size === null) errors.push({ field: 'per_page', message: 'per_page must be a whole number from 1 to 100' });
    if (number !== null && size !== null) result.page = { number, size };
  }
  if (errors.length) throw problems.invalidQuery(errors);
  return result;
}

const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('sv');

function sortValue(p: ParticipantSummary, key: SortKey): string {
  if (key === 'study_id') return p.studyId;
  if (key === 'site') return `${p.site} ${p.studyId}`;
  if (key === 'stage') return `${STAGES.indexOf(p.stage)} ${p.studyId}`;
  if (key === 'arm') return `${p.arm ?? '~'} ${p.studyId}`;
  return `${p.referralDate} ${p.studyId}`;
}

export interface ParticipantPage {
  participants: ParticipantSummary[];
  total: number;
  page: number | null;
  perPage: number | null;
}

/** The matching participants this user may see, sorted, one page of them. */
export function participantPage(db: Db, keys: IdentifierKeys, user: Pick<UserRow, 'id' | 'role'>, query: ParticipantListQuery): ParticipantPage {
  const access = identifierAccess(user.role);
  const needle = query.q === undefined ? undefined : norm(query.q);
  const nameMatches = (id: number) => {
    if (access === 'none' || needle === undefined) return false;
    const name = readIdentifiers(db, keys, id, access)?.person_name;
    return typeof name === 'string' && norm(name).includes(needle);
  };
  const byNumber = access === 'all' && query.q !== undefined ? participantWithNationalId(db, keys, query.q, studyToday(db)) : null;
  const rows = listParticipants(db, siteScope(db, user))
    .filter((row) => query.siteId === undefined || row.site_id === query.siteId)
    .filter((row) => query.coach === undefined || (query.coach === 'none' ? row.coach_id === null : row.coach_id === query.coach))
    .filter((row) => needle === undefined || norm(row.study_id).includes(needle) || row.id === byNumber || nameMatches(row.id));
  const matching = rows.map((row) => summarize(db, row))
    .filter((p) => query.stage === undefined || p.stage === query.stage)
    .filter((p) => query.arm === undefined || (query.arm === 'none' ? p.arm === null : p.arm === query.arm))
    .sort((a, b) => sortValue(a, query.sort).localeCompare(sortValue(b, query.sort)) * (query.descending ? -1 : 1));
  if (!query.page) return { participants: matching, total: matching.length, page: null, perPage: null };
  const start = (query.page.number - 1) * query.page.size;
  return { participants: matching.slice(start, start + query.page.size), total: matching.length, page: query.page.number, perPage: query.page.size };
}

/** Records a search that read identifiers (a name or national id search by a permitted role): never the searched text. */
export function auditIdentifierSearch(db: Db, actor: AuditActor, user: Pick<UserRow, 'role'>, query: ParticipantListQuery, page: ParticipantPage): void {
  const access = identifierAccess(user.role);
  if (query.q === undefined || access === 'none') return;
  const by = access === 'all' ? ['study_id', 'person_name', 'personal_number'] : ['study_id', 'person_name'];
  recordAudit(db, { actor, action: 'search', entity: 'participant', entityId: null, after: { by, matches: page.total } });
}
