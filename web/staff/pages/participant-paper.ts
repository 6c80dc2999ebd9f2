/**
 * "Enter a paper questionnaire" on the participant page (admins, trial
 * managers, coaches): the timepoint that is due (baseline before
 * randomization, afterwards each open, overdue or missed follow-up), one of its
 * questionnaires not yet saved complete, its fields from the data
 * dictionary, and the required date answered on the paper. It is sent as a
 * complete staff response (`PUT /api/responses/:uuid`, stored with source
 * `staff`), dated with that date. When the server refuses the date with 400
 * `outside_window`, the sentence naming the window is shown next to the date
 * and an out-of-window reason field appears; sending again with a reason
 * stores the answer with it. Other refusals show their sentence
 * (problem-text.ts) and the field errors next to their fields.
 */
import { forms as dictionaryForms, getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, newUuid, replace } from '../../modules/dom';
import { renderFields, type FieldsView } from '../form-fields';
import { formatDate } from '../i18n';
import { assessmentStateLabel, formLabel } from '../labels';
import { problemText } from '../problem-text';
import { get, list, paths, send } from '../staff-api';
import { t } from '../texts/index';

type Obj = Record<string, unknown>;

/** The questionnaires of `timepoint`, in the dictionary's order, with the study's EQ-5D version (as the open assessment names it). */
export function paperForms(timepoint: number, eq5dForm: string | undefined): string[] {
  return dictionaryForms
    .filter((f) => f.kind === 'research' && (f.timepoints ?? []).includes(timepoint))
    .filter((f) => !eq5dForm || !f.name.startsWith('eq5d') || f.name === eq5dForm)
    .map((f) => f.name);
}

/**
 * The timepoints staff may key a paper form in for now, with their state:
 * baseline before randomization, else the open and overdue follow-ups and
 * the missed ones (a paper form posted back after its window closed still
 * carries the date it was answered).
 */
export function dueTimepoints(stage: string, assessments: Obj[]): { timepoint: number; state: string }[] {
  if (stage === 'consented') return [{ timepoint: 0, state: 'baseline' }];
  if (stage !== 'randomized') return [];
  return assessments.filter((a) => ['open', 'overdue', 'missed'].includes(String(get(a, 'state')))).map((a) => ({ timepoint: Number(get(a, 'timepoint')), state: String(get(a, 'state')) }));
}

export function paperEntryCard(options: { participantId: number; stage: string; assessments: Obj[]; open: Obj | null; responses: Obj[]; onSaved: () => void }): HTMLElement {
  const { participantId, responses, onSaved } = options;
  const eq5dForm = list<Obj>(options.open ?? {}, 'forms').map((f) => String(get(f, 'form'))).find((name) => name.startsWith('eq5d'));
  const done = (timepoint: number, form: string) => responses.some((r) => Number(get(r, 'timepoint')) === timepoint && get(r, 'form') === form && get(r, 'complete') === true);
  const choices = dueTimepoints(options.stage, options.assessments)
    .map(({ timepoint, state }) => ({ timepoint, state, forms: paperForms(timepoint, eq5dForm).filter((form) => !done(timepoint, form)) }))
    .filter((c) => c.forms.length > 0);
  const card = h('section', { class: 'card', id: 'paper-entry', 'aria-labelledby': 'paper-entry-title' }, h('h2', { id: 'paper-entry-title' }, t('paper.title')));
  if (choices.length === 0) return (card.append(h('p', { class: 'hint' }, t('paper.nothingDue'))), card);

  const timepointSelect = h('select', { id: 'paper-timepoint' }, ...choices.map((c) => h('option', { value: String(c.timepoint) },
    c.timepoint === 0 ? t('participant.baseline') : `${t('participant.months', { count: c.timepoint })} – ${assessmentStateLabel(c.state)}`)));
  const formSelect = h('select', { id: 'paper-form' });
  const holder = h('div', { id: 'paper-fields' });
  const date = h('input', { id: 'paper-answered-on', type: 'date', 'aria-describedby': 'paper-answered-on-error' });
  const dateError = h('p', { class: 'field-error', id: 'paper-answered-on-error' });
  const reason = h('input', { id: 'paper-window-reason', type: 'text', maxlength: 500, autocomplete: 'off', 'aria-describedby': 'paper-window-reason-error' });
  const reasonError = h('p', { class: 'field-error', id: 'paper-window-reason-error' });
  const reasonRow = h('div', { class: 'field', hidden: true }, h('label', { for: 'paper-window-reason' }, t('paper.reason')), reason, reasonError);
  const error = h('p', { class: 'error', role: 'alert' });
  const status = h('p', { role: 'status', id: 'paper-saved' });
  let fields: FieldsView;
  // one UUID per answer set keyed in: a resend (with a reason, after a lost answer) is the same response
  let uuid = newUuid();

  const showForms = () => {
    const chosen = choices.find((c) => String(c.timepoint) === timepointSelect.value)!;
    replace(formSelect, ...chosen.forms.map((form) => h('option', { value: form }, formLabel(form))));
    showFields();
  };
  const showFields = () => {
    fields = renderFields(getForm(formSelect.value)!, { prefix: `paper-${formSelect.value}` });
    replace(holder, fields.root);
    uuid = newUuid();
    reasonRow.hidden = true;
    reason.value = '';
    replace(dateError);
  };
  timepointSelect.addEventListener('change', showForms);
  formSelect.addEventListener('change', showFields);
  // a changed date may fall inside the window again: ask for a reason only once the server says so
  date.addEventListener('change', () => {
    reasonRow.hidden = true;
    replace(dateError);
  });
  showForms();

  const form = h('form', { novalidate: true },
    h('p', { class: 'hint' }, t('paper.intro')),
    h('div', { class: 'fields' },
      h('div', { class: 'field' }, h('label', { for: 'paper-timepoint' }, t('paper.timepoint')), timepointSelect),
      h('div', { class: 'field' }, h('label', { for: 'paper-form' }, t('paper.form')), formSelect)),
    holder,
    h('div', { class: 'fields' },
      h('div', { class: 'field', 'data-field': 'answered_on' }, h('label', { for: 'paper-answered-on' }, t('paper.answeredOn')), date, dateError),
      reasonRow),
    error, status,
    h('button', { type: 'submit', class: 'primary', id: 'paper-save' }, t('paper.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(error);
    replace(status);
    replace(dateError);
    replace(reasonError);
    if (date.value === '') return void (dateError.textContent = t('paper.missingDate'));
    if (!reasonRow.hidden && reason.value.trim() === '') return void (reasonError.textContent = t('paper.missingReason'));
    const formName = formSelect.value;
    const body = {
      participantId, timepoint: Number(timepointSelect.value), form: formName, answers: fields.read(), revision: 1, complete: true,
      answered_on: date.value, ...(reasonRow.hidden ? {} : { out_of_window_reason: reason.value.trim() }),
    };
    try {
      await send('PUT', paths.response(uuid), body);
      status.textContent = t('paper.saved', { form: formLabel(formName), date: formatDate(date.value) });
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 'outside_window') {
        const window = e.fields.find((f) => f.field === 'answered_on') as { opens?: string; closes?: string } | undefined;
        dateError.textContent = t('paper.outsideWindow', { date: formatDate(date.value), opens: formatDate(window?.opens), closes: formatDate(window?.closes) });
        reasonRow.hidden = false;
        reason.focus();
        return;
      }
      error.textContent = problemText(e);
      const dateProblem = e.fields.find((f) => f.field === 'answered_on');
      if (dateProblem) dateError.textContent = dateProblem.message;
      fields.showErrors(e.fields.filter((f) => f.field.startsWith('answers.')).map((f) => ({ ...f, field: f.field.slice('answers.'.length) })));
    }
  });
  card.append(form);
  return card;
}
