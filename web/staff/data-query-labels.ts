/**
 * Words for a data query (server/services/data-queries.ts): what it is on
 * (the record, in the chosen language: a form and timepoint, an episode …),
 * the field's label from the data dictionary, and the names of its states
 * and steps. The record kinds and the forms whose fields each holds follow
 * server/services/data-query-target.ts.
 */
import { getForm } from '../../data-dictionary/index';
import { fieldLabel, formLabel } from './labels';
import { t, type MessageKey } from './texts/index';

export type RecordKind = 'participant' | 'response' | 'episode' | 'time_log' | 'status';
export interface QueryRecord { kind: RecordKind; form: string | null; timepoint: number | null; id: number | null }

/** The forms whose fields a record of each kind holds (a response: its own form). */
export const FORMS_OF_KIND: Record<Exclude<RecordKind, 'response'>, string[]> = {
  participant: ['referral', 'screening', 'consent', 'withdrawal'],
  episode: ['employment_episode'],
  time_log: ['time_log'],
  status: ['process_status'],
};

/** The form a field of a record belongs to (for a participant record: the first of its forms that has the field). */
export function formOfField(record: QueryRecord, field: string): string {
  if (record.kind === 'response') return record.form ?? '';
  return FORMS_OF_KIND[record.kind].find((name) => getForm(name)?.fields.some((f) => f.name === field)) ?? FORMS_OF_KIND[record.kind][0];
}

/** "EQ-5D-5L, 0 months", "Referral", "Episode 12". */
export function recordLabel(record: QueryRecord, field: string): string {
  switch (record.kind) {
    case 'response':
      return t('queryRecord.response', { form: formLabel(record.form ?? ''), timepoint: t('participant.months', { count: Number(record.timepoint) }) });
    case 'participant':
      return formLabel(formOfField(record, field));
    default:
      return t(`queryRecord.${record.kind}` as MessageKey, { id: String(record.id) });
  }
}

/** The field's label from the data dictionary, by the form it belongs to. */
export function queryFieldLabel(record: QueryRecord, field: string): string {
  return fieldLabel(formOfField(record, field), field);
}

export const queryStateLabel = (state: unknown): string => (['open', 'answered', 'closed'].includes(String(state)) ? t(`queryState.${String(state)}` as MessageKey) : String(state ?? ''));
export const queryStepLabel = (step: unknown): string => (['open', 'answer', 'close', 'reopen'].includes(String(step)) ? t(`queryStep.${String(step)}` as MessageKey) : String(step ?? ''));
