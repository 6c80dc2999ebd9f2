/**
 * The SUS card of the participant page: the start and end registrations for
 * SUS (forms sus_start and sus_end from the data dictionary), recorded where
 * they happen — when the intervention starts and ends. Shows what is still
 * missing; a correction of a saved registration asks for a reason. Links to
 * the printable SUS sheet.
 */
import { getForm } from '../../../data-dictionary/index';
import { SUS_FORM, type SusKind } from '../../../data-dictionary/sus';
import { ApiError } from '../../modules/api';
import { h } from '../../modules/dom';
import { renderFields, type Values } from '../form-fields';
import { fieldLabel } from '../labels';
import { problemText } from '../problem-text';
import { get, paths, send } from '../staff-api';
import { t } from '../texts/index';

type Obj = Record<string, unknown>;

function registrationForm(studyId: string, kind: SusKind, saved: Obj | null, onSaved: () => void): HTMLElement {
  const formName = SUS_FORM[kind];
  const fields = renderFields(getForm(formName)!, { prefix: formName, values: (get<Values>(saved, 'answers') ?? undefined) });
  const reason = saved ? h('input', { id: `${formName}-reason`, type: 'text', maxlength: 500 }) as HTMLInputElement : null;
  const error = h('p', { class: 'error', role: 'alert' });
  const missing = saved ? (get<string[]>(saved, 'missing') ?? []) : [];
  const form = h('form', { id: `${formName}-form`, novalidate: true },
    missing.length ? h('p', { class: 'hint' }, `${t('sus.state.incomplete')}: ${missing.map((f) => fieldLabel(formName, f)).join(', ')}`) : null,
    fields.root,
    reason ? h('div', { class: 'field' }, h('label', { for: `${formName}-reason` }, t('sus.reason')), reason) : null,
    error, h('button', { type: 'submit', class: 'primary' }, t('sus.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await send('PUT', `${paths.sus(studyId)}/${kind}`, { registration: fields.read(), ...(reason && reason.value.trim() ? { reason: reason.value.trim() } : {}) });
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      error.textContent = problemText(e);
      fields.showErrors(e.fields.map((f) => ({ ...f, field: f.field.replace('registration.', '') })));
    }
  });
  return form;
}

/** The card, from GET /participants/:id/sus. */
export function susCard(studyId: string, answer: Obj, onSaved: () => void): HTMLElement {
  const start = get<Obj | null>(answer, 'start') ?? null;
  const end = get<Obj | null>(answer, 'end') ?? null;
  const endDue = get(answer, 'endDue') === true;
  const due = (kind: SusKind) => kind === 'start' || endDue;
  const part = (kind: SusKind, saved: Obj | null) => h('details', { class: 'card', id: `sus-${kind}`, open: saved === null && due(kind) ? true : undefined },
    h('summary', {}, t(kind === 'start' ? 'sus.startRegistration' : 'sus.endRegistration'), ' – ',
      saved === null ? t(due(kind) ? 'sus.state.missing' : 'sus.state.not_due') : (get<string[]>(saved, 'missing') ?? []).length ? t('sus.state.incomplete') : get(saved, 'enteredOn') ? t('sus.state.entered') : t('sus.state.not_entered')),
    registrationForm(studyId, kind, saved, onSaved));
  return h('section', { class: 'card', id: 'sus' }, h('h2', {}, t('sus.card')),
    part('start', start), start ? part('end', end) : null,
    h('p', {}, h('a', { href: `#/sus-sheets?participants=${encodeURIComponent(studyId)}` }, t('sus.sheetLink'))));
}
