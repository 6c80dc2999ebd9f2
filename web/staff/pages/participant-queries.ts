/**
 * Data queries on the participant page: the queries on this participant
 * (each linking to its page), and for the data monitor a card that opens a
 * query on one field of one record — the participant's own record
 * (referral, screening, consent, withdrawal), a questionnaire response at
 * its timepoint, an episode, a status or a time log. The fields offered are
 * the fields of that record's form in the data dictionary, labelled in the
 * chosen language; the server checks the record and the field again.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { FORMS_OF_KIND, queryFieldLabel, queryStateLabel, recordLabel, type QueryRecord, type RecordKind } from '../data-query-labels';
import { formatDate, formatDateTime } from '../i18n';
import { choiceLabel, fieldLabel, formLabel } from '../labels';
import { problemText } from '../problem-text';
import { get, paths, send } from '../staff-api';
import { t } from '../texts/index';

type Obj = Record<string, unknown>;

/** One record a query can be opened on: what the request names and the form whose fields it holds. */
export interface QueryableRecord {
  key: string;
  label: string;
  form: string;
  target: { recordKind: RecordKind; form?: string; timepoint?: number; recordId?: number };
}

/** The records of this participant a query can be opened on, in page order. */
export function queryableRecords(responses: Obj[], episodes: Obj[], statuses: Obj[], logs: Obj[]): QueryableRecord[] {
  const records: QueryableRecord[] = FORMS_OF_KIND.participant.map((form) => ({ key: `participant:${form}`, label: formLabel(form), form, target: { recordKind: 'participant' } }));
  for (const r of [...responses].sort((a, b) => Number(get(a, 'timepoint')) - Number(get(b, 'timepoint')))) {
    const form = String(get(r, 'form'));
    const timepoint = Number(get(r, 'timepoint'));
    records.push({ key: `response:${form}:${timepoint}`, label: t('queryRecord.response', { form: formLabel(form), timepoint: t('participant.months', { count: timepoint }) }), form, target: { recordKind: 'response', form, timepoint } });
  }
  for (const e of episodes) {
    const id = Number(get(e, 'id'));
    records.push({ key: `episode:${id}`, label: `${t('queryRecord.episode', { id: String(id) })}: ${choiceLabel('employment_episode', 'episode_type', get(e, 'episode_type'))} ${formatDate(get(e, 'episode_start_date'))}`, form: 'employment_episode', target: { recordKind: 'episode', recordId: id } });
  }
  for (const s of statuses) {
    const id = Number(get(s, 'id'));
    records.push({ key: `status:${id}`, label: `${t('queryRecord.status', { id: String(id) })}: ${formatDate(get(s, 'status_date'))}`, form: 'process_status', target: { recordKind: 'status', recordId: id } });
  }
  for (const l of logs) {
    const id = Number(get(l, 'id'));
    records.push({ key: `time_log:${id}`, label: `${t('queryRecord.time_log', { id: String(id) })}: ${formatDate(get(l, 'log_date'))}`, form: 'time_log', target: { recordKind: 'time_log', recordId: id } });
  }
  return records;
}

export function queriesCard(queries: Obj[] | Error): HTMLElement {
  const card = h('section', { class: 'card', id: 'participant-queries' }, h('h2', {}, t('participant.queries')));
  if (queries instanceof Error) card.append(h('p', { class: 'hint' }, t('common.notAvailable', { reason: problemText(queries) })));
  else if (queries.length === 0) card.append(h('p', { class: 'hint' }, t('common.noneYet')));
  else card.append(h('ul', {}, ...queries.map((q) => {
    const record = get<QueryRecord>(q, 'record')!;
    const field = String(get(q, 'field'));
    return h('li', { 'data-state': String(get(q, 'state')) }, h('a', { href: `#/data-query/${get(q, 'id')}` }, t('queries.link', { id: String(get(q, 'id')) })),
      `: ${recordLabel(record, field)} – ${queryFieldLabel(record, field)} (${queryStateLabel(get(q, 'state'))}, ${formatDateTime(get(q, 'updatedAt'))})`);
  })));
  return card;
}

export function openQueryCard(studyId: string, records: QueryableRecord[]): HTMLElement {
  const recordSelect = h('select', { id: 'new-query-record' }, h('option', { value: '' }, '—'), ...records.map((r) => h('option', { value: r.key }, r.label)));
  const fieldSelect = h('select', { id: 'new-query-field', disabled: true }, h('option', { value: '' }, '—'));
  const comment = h('textarea', { id: 'new-query-comment', rows: 3, maxlength: 2000 });
  const error = h('p', { class: 'error', role: 'alert' });
  recordSelect.addEventListener('change', () => {
    const record = records.find((r) => r.key === recordSelect.value);
    const fields = record ? getForm(record.form)?.fields ?? [] : [];
    replace(fieldSelect, h('option', { value: '' }, '—'), ...fields.map((f) => h('option', { value: f.name }, fieldLabel(record!.form, f.name))));
    fieldSelect.disabled = fields.length === 0;
  });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'new-query-submit' }, t('newQuery.submit'));
  const form = h('form', { novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'new-query-record' }, t('newQuery.record')), recordSelect),
    h('div', { class: 'field' }, h('label', { for: 'new-query-field' }, t('newQuery.field')), fieldSelect),
    h('div', { class: 'field' }, h('label', { for: 'new-query-comment' }, t('newQuery.comment')), comment),
    error, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const record = records.find((r) => r.key === recordSelect.value);
    if (!record || fieldSelect.value === '' || comment.value.trim() === '') {
      error.textContent = t('newQuery.missing');
      return;
    }
    submit.disabled = true;
    try {
      const answer = await send('POST', paths.dataQueries, { participant: studyId, ...record.target, field: fieldSelect.value, comment: comment.value.trim() });
      location.hash = `#/data-query/${get(get(answer, 'dataQuery'), 'id')}`;
    } catch (e) {
      submit.disabled = false;
      if (!(e instanceof ApiError)) throw e;
      error.textContent = problemText(e);
    }
  });
  return h('section', { class: 'card', id: 'new-query' }, h('h2', {}, t('newQuery.title')), form);
}
