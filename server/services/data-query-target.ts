/**
 * What a data query points at must exist: the field must be a field of the
 * record's form in the data dictionary, and the record (a response of that
 * form at that timepoint, or the episode, time log or status with that id)
 * must belong to the participant. Returns the field problems (empty when it
 * all exists), so the route answers one 400 naming every wrong field.
 */
import { getForm } from '../../data-dictionary/index';
import type { Db } from '../db/connection';
import type { RecordKind } from '../db/queries/data-queries';
import { findEpisode } from '../db/queries/employment-episodes';
import { listStatuses } from '../db/queries/process-statuses';
import { listResponsesOf } from '../db/queries/responses';
import { findTimeLog } from '../db/queries/time-logs';
import type { FieldProblem } from '../errors';
import type { DataQueryTarget } from './data-queries';

/** The forms whose fields each record kind holds (a response: its own form). */
const FORMS_OF_KIND: Record<Exclude<RecordKind, 'response'>, string[]> = {
  participant: ['referral', 'screening', 'consent', 'withdrawal'],
  episode: ['employment_episode'],
  time_log: ['time_log'],
  status: ['process_status'],
};

function recordExists(db: Db, participantId: number, t: DataQueryTarget): boolean {
  switch (t.recordKind) {
    case 'participant':
      return true;
    case 'response':
      return listResponsesOf(db, participantId, t.timepoint).some((r) => r.form === t.form);
    case 'episode':
      return findEpisode(db, t.recordId!)?.participant_id === participantId;
    case 'time_log':
      return findTimeLog(db, t.recordId!)?.participant_id === participantId;
    case 'status':
      return listStatuses(db, participantId).some((s) => s.id === t.recordId);
  }
}

export function dataQueryTargetProblems(db: Db, participantId: number, studyId: string, t: DataQueryTarget): FieldProblem[] {
  const forms = t.recordKind === 'response' ? [t.form!] : FORMS_OF_KIND[t.recordKind];
  const known = forms.map((name) => getForm(name)).filter((f) => f !== undefined);
  if (t.recordKind === 'response' && known.length === 0) return [{ field: 'form', message: `there is no form ${t.form} in the data dictionary` }];
  const errors: FieldProblem[] = [];
  if (!known.some((form) => form.fields.some((f) => f.name === t.fieldName))) {
    errors.push({ field: 'field', message: `${t.fieldName} is not a field of ${forms.join(', ')}` });
  }
  if (!recordExists(db, participantId, t)) {
    const what = t.recordKind === 'response' ? `no ${t.form} response at timepoint ${t.timepoint}` : `no ${t.recordKind.replace('_', ' ')} ${t.recordId}`;
    errors.push({ field: t.recordKind === 'response' ? 'timepoint' : 'recordId', message: `participant ${studyId} has ${what}` });
  }
  return errors;
}
