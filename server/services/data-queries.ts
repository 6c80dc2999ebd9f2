/**
 * Data queries, as trial monitors know them from REDCap's data resolution
 * workflow. A data monitor opens a query on one field of one record of a
 * participant with a comment (state open); staff who may edit that
 * participant answer it with a comment (answered); the monitor closes it
 * (closed) or re-opens it with a comment (open again). Every step is a
 * comment row with its author and time, and an audit entry, saved in one
 * transaction. Coaches see and answer only queries on participants of their
 * own sites (others answer 404, as for the participant itself).
 */
import type { Db } from '../db/connection';
import {
  countDataQueriesByState,
  findDataQuery,
  insertDataQuery,
  insertDataQueryComment,
  listDataQueries,
  listDataQueryComments,
  updateDataQueryState,
  type DataQueryCommentRow,
  type DataQueryRow,
  type DataQueryState,
  type DataQueryStep,
  type RecordKind,
} from '../db/queries/data-queries';
import type { Role } from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { recordAudit } from './audit';
import { canSeeSite, siteScope } from './site-access';
import { visibleParticipant } from './participant-access';
import { actorOf } from './sessions';

export interface Staff {
  id: number;
  email: string;
  role: Role;
}

export interface DataQueryTarget {
  recordKind: RecordKind;
  form: string | null;
  timepoint: number | null;
  recordId: number | null;
  fieldName: string;
}

export interface DataQueryView {
  id: number;
  participantId: number;
  studyId: string;
  site: string;
  record: { kind: RecordKind; form: string | null; timepoint: number | null; id: number | null };
  field: string;
  state: DataQueryState;
  openedBy: string;
  openedAt: string;
  updatedAt: string;
  comments?: { step: DataQueryStep; comment: string; author: string; at: string }[];
}

/** Which step moves a query from which state to which. */
const STEPS: Record<Exclude<DataQueryStep, 'open'>, { from: DataQueryState; to: DataQueryState }> = {
  answer: { from: 'open', to: 'answered' },
  close: { from: 'answered', to: 'closed' },
  reopen: { from: 'answered', to: 'open' },
};

function view(row: DataQueryRow, comments?: DataQueryCommentRow[]): DataQueryView {
  return {
    id: row.id,
    participantId: row.participant_id,
    studyId: row.study_id,
    site: row.site_code,
    record: { kind: row.record_kind, form: row.form, timepoint: row.timepoint, id: row.record_id },
    field: row.field_name,
    state: row.state,
    openedBy: row.opened_by_email,
    openedAt: row.created_at,
    updatedAt: row.updated_at,
    ...(comments ? { comments: comments.map((c) => ({ step: c.step, comment: c.comment, author: c.author, at: c.created_at })) } : {}),
  };
}

function visibleQuery(db: Db, user: Staff, id: number): DataQueryRow {
  const row = findDataQuery(db, id);
  if (!row || !canSeeSite(db, user, row.site_id)) throw problems.notFound('data query', id);
  return row;
}

export function openDataQuery(db: Db, user: Staff, participantId: number, target: DataQueryTarget, comment: string): DataQueryView {
  const participant = visibleParticipant(db, user, participantId);
  const now = new Date().toISOString();
  const id = inTransaction(db, () => {
    const queryId = insertDataQuery(db, { participantId: participant.id, ...target, openedBy: user.id, now });
    insertDataQueryComment(db, { dataQueryId: queryId, step: 'open', comment, authorId: user.id, author: user.email, now });
    recordAudit(db, { actor: actorOf(user), action: 'create', entity: 'data_query', entityId: queryId, after: { studyId: participant.study_id, ...target, state: 'open', comment }, at: now });
    return queryId;
  });
  return dataQueryDetail(db, user, id);
}

/** answer (open → answered), close (answered → closed), reopen (answered → open); 409 from any other state. */
export function stepDataQuery(db: Db, user: Staff, id: number, step: Exclude<DataQueryStep, 'open'>, comment: string): DataQueryView {
  const row = visibleQuery(db, user, id);
  const { from, to } = STEPS[step];
  if (row.state !== from) throw problems.conflict(`Data query ${id} is ${row.state}; only an ${from} query can be given the step '${step}'`);
  const now = new Date().toISOString();
  inTransaction(db, () => {
    updateDataQueryState(db, id, to, now);
    insertDataQueryComment(db, { dataQueryId: id, step, comment, authorId: user.id, author: user.email, now });
    recordAudit(db, { actor: actorOf(user), action: step, entity: 'data_query', entityId: id, before: { state: from }, after: { state: to, comment }, at: now });
  });
  return dataQueryDetail(db, user, id);
}

export function dataQueryDetail(db: Db, user: Staff, id: number): DataQueryView {
  const row = visibleQuery(db, user, id);
  return view(row, listDataQueryComments(db, id));
}

export function visibleDataQueries(
  db: Db,
  user: Staff,
  filter: { state: DataQueryState | null; siteId: number | null; participantId: number | null; mine?: boolean },
): DataQueryView[] {
  return listDataQueries(db, { ...filter, mine: filter.mine ? user.id : null, siteIds: siteScope(db, user) }).map((row) => view(row));
}

/** The number of open queries this staff member can see (the dashboard's count). */
export function openDataQueryCount(db: Db, user: Staff): number {
  return countDataQueriesByState(db, siteScope(db, user)).open;
}

/** Per state, over the whole study (the export README's count). */
export function dataQueryCounts(db: Db): Record<DataQueryState, number> {
  return countDataQueriesByState(db, null);
}
