/**
 * Corrections on the participant page: the saved questionnaires with their
 * answers (labels from the data dictionary) and, for admins and trial
 * managers, a "Correct …" action per complete form (changed answers, the
 * date answered, a required reason, a confirm step naming every change);
 * correcting or deleting an employment episode (reason required). Under
 * each form its correction history from the server: when, who, each field
 * before → after, and why. A refusal is shown as a sentence
 * (problem-text.ts); a success re-renders the page from the server.
 */
import { getForm } from '../../../data-dictionary/index';
import type { Form } from '../../../data-dictionary/types';
import { h, replace } from '../../modules/dom';
import { renderFields, type Values } from '../form-fields';
import { formatDate, formatDateTime } from '../i18n';
import { choiceLabel, fieldLabel, formLabel } from '../labels';
import { get, paths, send } from '../staff-api';
import { t } from '../texts/index';
import { changeCard, episodeAnswers, episodeName, labelled } from './participant-changes';

type Obj = Record<string, unknown>;
type Change = { before: unknown; after: unknown };

const editable = (form: Form) => form.fields.filter((f) => f.type !== 'descriptive');

/** A stored value in words: the choice label, yes/no, a date in the locale, else as it is. */
export function valueText(formName: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  const def = getForm(formName)?.fields.find((f) => f.name === field);
  if (def?.type === 'boolean') return value ? t('common.yes') : t('common.no');
  if (def?.type === 'date') return formatDate(value);
  if (def?.choices) return choiceLabel(formName, field, value) || String(value);
  return String(value);
}

/** The changed fields of `form` between what is stored and what the controls hold (`null`: cleared). */
export function changedAnswers(form: Form, stored: Obj, values: Values): Obj {
  const patch: Obj = {};
  for (const field of editable(form)) {
    const before = stored[field.name] ?? null;
    const after = values[field.name] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) patch[field.name] = after;
  }
  return patch;
}

/** "Mobility: 2 → 3" for each changed field of a correction (answers and dates; derived scores as the index). */
function changeTexts(formName: string, changes: Record<string, Change>): string[] {
  return Object.entries(changes).flatMap(([key, c]) => {
    const field = key.startsWith('answers.') ? key.slice('answers.'.length) : key;
    if (key.startsWith('scores.') && key !== 'scores.eq5d_index' && key !== 'scores.gse_score') return [];
    const label = key === 'answered_on' ? t('corrections.answeredOn') : key.startsWith('scores.') ? t('corrections.score') : key === 'out_of_window_reason' ? t('corrections.windowReason') : fieldLabel(formName, field);
    const text = (v: unknown) => (key === 'answered_on' ? formatDate(v) || '–' : key.startsWith('scores.') || key === 'out_of_window_reason' ? (v === null ? '–' : String(v)) : valueText(formName, field, v));
    return [t('corrections.change', { field: label, before: text(c.before), after: text(c.after) })];
  });
}

/** The history list of one record's corrections (oldest first). */
export function historyList(formName: string, corrections: Obj[], id: string): HTMLElement {
  if (corrections.length === 0) return h('p', { class: 'hint', id }, t('corrections.none'));
  return h('ol', { class: 'history', id }, ...corrections.map((c) => h('li', { 'data-correction': String(get(c, 'id')) },
    t('corrections.entry', {
      when: formatDateTime(get(c, 'corrected_at')),
      who: String(get(c, 'corrected_by') ?? ''),
      changes: get(c, 'action') === 'delete' ? t('corrections.deleted') : changeTexts(formName, (get<Record<string, Change>>(c, 'changes') ?? {})).join('; '),
      reason: String(get(c, 'reason') ?? ''),
    }))));
}

function correctResponseCard(response: Obj, onDone: () => void): HTMLElement {
  const formName = String(get(response, 'form'));
  const form = getForm(formName)!;
  const uuid = String(get(response, 'client_uuid'));
  const stored = (get<Obj>(response, 'answers') ?? {});
  const prefix = `correct-${uuid.slice(0, 8)}`;
  const fields = renderFields(form, { prefix, values: stored as Values });
  const date = h('input', { id: `${prefix}-answered-on`, type: 'date' });
  date.value = String(get(response, 'answered_on') ?? '');
  const reason = h('input', { id: `${prefix}-reason`, type: 'text', maxlength: 500, autocomplete: 'off' });
  const controls = h('div', {}, fields.root, h('div', { class: 'fields' },
    labelled(`${prefix}-answered-on`, t('corrections.answeredOn'), date), labelled(`${prefix}-reason`, t('corrections.reason'), reason)));
  const what = t('corrections.formAt', { form: formLabel(formName), months: t('participant.months', { count: Number(get(response, 'timepoint')) }) });
  return changeCard({
    id: `${prefix}`, title: t('corrections.correctTitle', { what }), controls, start: t('corrections.start'), confirm: t('corrections.confirm'), onDone,
    prepare() {
      if (reason.value.trim() === '') return { missing: t('corrections.missingReason') };
      const answers = changedAnswers(form, stored, fields.read());
      const dateChanged = date.value !== '' && date.value !== String(get(response, 'answered_on') ?? '');
      const changes: Record<string, Change> = Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, { before: stored[k] ?? null, after: v }]));
      if (dateChanged) changes.answered_on = { before: get(response, 'answered_on') ?? null, after: date.value };
      const body = { answers, ...(dateChanged ? { answered_on: date.value } : {}), reason: reason.value.trim() };
      const list = changeTexts(formName, changes);
      return { body, sentence: t('corrections.confirmText', { what, changes: list.length ? list.join('; ') : t('corrections.nothing') }) };
    },
    submit: (body) => send('POST', paths.responseCorrections(uuid), body),
    showFieldErrors: (e) => fields.showErrors(e.fields.map((f) => ({ ...f, field: f.field.replace('answers.', '') }))),
  });
}

/** The saved questionnaires, each with its answers, its correction history and (for correctors) the Correct action. */
export function responsesCard(responses: Obj[] | Error, corrections: Obj[], canCorrect: boolean, onDone: () => void): HTMLElement {
  const card = h('section', { class: 'card', id: 'responses' }, h('h2', {}, t('corrections.responses')));
  if (responses instanceof Error) return (card.append(h('p', { class: 'hint' }, t('common.notAvailable', { reason: responses.message }))), card);
  if (responses.length === 0) return (card.append(h('p', { class: 'hint' }, t('common.noneYet'))), card);
  for (const response of responses) {
    const formName = String(get(response, 'form'));
    const form = getForm(formName);
    const uuid = String(get(response, 'client_uuid'));
    const answers = get<Obj>(response, 'answers') ?? {};
    const complete = get(response, 'complete') === true;
    const mine = corrections.filter((c) => get(c, 'record_kind') === 'response' && get(c, 'client_uuid') === uuid);
    const title = t('corrections.formAt', { form: formLabel(formName), months: t('participant.months', { count: Number(get(response, 'timepoint')) }) });
    const facts = h('dl', { class: 'facts answers' }, ...(form ? editable(form) : []).flatMap((f) => [h('dt', {}, fieldLabel(formName, f.name)), h('dd', { 'data-field': f.name }, valueText(formName, f.name, answers[f.name]))]));
    card.append(h('details', { class: 'response', 'data-form': formName, 'data-timepoint': String(get(response, 'timepoint')), 'data-uuid': uuid },
      h('summary', {}, `${title} – `, complete ? t('corrections.answered', { date: formatDate(get(response, 'answered_on')) || '–' }) : t('participant.formStarted'),
        mine.length ? ` (${t('corrections.count', { count: mine.length })})` : ''),
      facts,
      h('h3', {}, t('corrections.history')), historyList(formName, mine, `history-${uuid.slice(0, 8)}`),
      canCorrect && complete && form ? correctResponseCard(response, onDone) : null));
  }
  return card;
}

/** Correcting an episode (any field; the end date cleared with the field left empty) or deleting one entered by mistake. */
export function episodeCorrectionCard(participantId: number, episodes: Obj[], onDone: () => void): HTMLElement {
  const form = getForm('employment_episode')!;
  const select = h('select', { id: 'correct-episode-which' }, ...episodes.map((e) => h('option', { value: String(get(e, 'id')) }, episodeName(e))));
  const holder = h('div', {});
  let fields = renderFields(form, { prefix: 'correct-episode' });
  const chosen = () => episodes.find((e) => String(get(e, 'id')) === select.value)!;
  const show = () => {
    fields = renderFields(form, { prefix: 'correct-episode', values: episodeAnswers(chosen()) as Values });
    replace(holder, fields.root);
  };
  select.addEventListener('change', show);
  show();
  const reason = h('input', { id: 'correct-episode-reason', type: 'text', maxlength: 500, autocomplete: 'off' });
  const remove = h('input', { id: 'correct-episode-delete', type: 'checkbox' });
  const controls = h('div', {}, labelled('correct-episode-which', t('endEpisode.which'), select), holder,
    h('div', { class: 'fields' }, labelled('correct-episode-reason', t('corrections.reason'), reason),
      h('label', { for: 'correct-episode-delete', class: 'radio' }, remove, ` ${t('corrections.deleteEpisode')}`)));
  return changeCard({
    id: 'correct-episode', title: t('corrections.episodeTitle'), controls, start: t('corrections.start'), confirm: t('corrections.confirm'), onDone,
    prepare() {
      if (reason.value.trim() === '') return { missing: t('corrections.missingReason') };
      const episode = chosen();
      if (remove.checked) return { body: { id: get(episode, 'id'), delete: true, reason: reason.value.trim() }, sentence: t('corrections.deleteConfirmText', { episode: episodeName(episode) }) };
      const stored = episodeAnswers(episode);
      const patch = changedAnswers(form, stored, fields.read());
      const list = changeTexts('employment_episode', Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, { before: stored[k] ?? null, after: v }])));
      return { body: { id: get(episode, 'id'), episode: patch, reason: reason.value.trim() }, sentence: t('corrections.confirmText', { what: episodeName(episode), changes: list.length ? list.join('; ') : t('corrections.nothing') }) };
    },
    submit: (body) => {
      const { id, delete: del, ...rest } = body as Obj;
      return del ? send('DELETE', paths.episode(participantId, Number(id)), rest) : send('POST', paths.episodeCorrections(participantId, Number(id)), rest);
    },
    showFieldErrors: (e) => fields.showErrors(e.fields.map((f) => ({ ...f, field: f.field.replace('episode.', '') }))),
  });
}
