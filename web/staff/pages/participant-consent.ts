/**
 * Screening and consent on the participant page, as staff record them:
 * the saved answers are always shown again; the first entry is the
 * dictionary form; a later change (a dated change of mind, a corrected
 * screening) carries a reason, which the server requires and audits. Before
 * a "No" to taking part or to information exchange is saved, the card says
 * what it means — the person cannot take part and is recorded as declined —
 * and asks staff to confirm they have explained it; the person can change
 * their mind later with a new, dated consent.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { renderFields } from '../form-fields';
import { formatDate } from '../i18n';
import { choiceLabel, fieldLabel } from '../labels';
import { problemText } from '../problem-text';
import { send } from '../staff-api';
import { t } from '../texts/index';

type Obj = Record<string, unknown>;

/** The saved answers of a form, each field with its label and the value in words. */
function savedAnswers(formName: string, saved: Obj): HTMLElement {
  const form = getForm(formName)!;
  const shown = form.fields.filter((f) => f.type !== 'descriptive' && saved[f.name] !== undefined && saved[f.name] !== null);
  const words = (name: string, value: unknown) => {
    const field = form.fields.find((f) => f.name === name)!;
    if (field.type === 'boolean') return value === true ? t('common.yes') : t('common.no');
    if (field.type === 'date') return formatDate(value);
    return field.choices ? choiceLabel(formName, name, value) : String(value);
  };
  return h('dl', { class: 'saved-answers', id: `${formName}-saved` }, ...shown.flatMap((f) => [h('dt', {}, fieldLabel(formName, f.name)), h('dd', { 'data-field': f.name }, words(f.name, saved[f.name]))]));
}

const CONSENT_ANSWERS = ['consent_research', 'consent_info_exchange'];

export interface RecordedFormOptions {
  formName: 'screening' | 'consent';
  title: string;
  url: string;
  saved: Obj | null;
  /** may staff record (first entry) or change (with a reason) it now */
  editable: boolean;
  onSaved: () => void;
}

export function recordedFormCard(o: RecordedFormOptions): HTMLElement {
  const card = h('section', { class: 'card', id: `${o.formName}-card` });
  const isChange = o.saved !== null;
  const show = () => {
    const change = o.editable && isChange ? h('button', { type: 'button', id: `${o.formName}-change` }, t(o.formName === 'consent' ? 'consentFlow.changeOfMind' : 'consentFlow.changeScreening')) : null;
    change?.addEventListener('click', edit);
    replace(card, h('h2', {}, o.title),
      o.saved ? savedAnswers(o.formName, o.saved) : null,
      change ? h('p', { class: 'actions' }, change) : null);
    if (o.editable && !isChange) edit();
  };
  const edit = () => {
    // a change of consent is a new, dated decision: the date is asked again
    const values = o.saved ? { ...o.saved, ...(o.formName === 'consent' ? { consent_date: undefined } : {}) } : undefined;
    const fields = renderFields(getForm(o.formName)!, { prefix: o.formName, values: values as never });
    const reason = h('input', { id: `${o.formName}-reason`, type: 'text', maxlength: 500, autocomplete: 'off' });
    const reasonRow = isChange ? h('div', { class: 'field' }, h('label', { for: `${o.formName}-reason` }, `${t(o.formName === 'consent' ? 'consentFlow.reasonConsent' : 'consentFlow.reasonScreening')} *`), reason) : null;
    const understood = h('input', { type: 'checkbox', id: 'consent-explained' });
    const warning = h('div', { class: 'warning', id: 'consent-warning', role: 'alert', hidden: true },
      h('p', {}, t('consentFlow.noMeans')),
      h('p', {}, t('consentFlow.changeLater')),
      h('label', { for: 'consent-explained', class: 'checkbox' }, understood, ` ${t('consentFlow.explained')}`));
    const error = h('p', { class: 'error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'primary' }, t(o.formName === 'consent' ? 'participant.saveConsent' : 'participant.saveScreening'));
    const declines = () => o.formName === 'consent' && CONSENT_ANSWERS.some((name) => fields.read()[name] === false);
    const update = () => {
      warning.hidden = !declines();
      button.textContent = declines() ? t('consentFlow.saveDeclined') : t(o.formName === 'consent' ? 'participant.saveConsent' : 'participant.saveScreening');
    };
    const cancel = isChange ? h('button', { type: 'button' }, t('common.cancel')) : null;
    cancel?.addEventListener('click', show);
    const form = h('form', { id: `${o.formName}-form`, novalidate: true }, fields.root, reasonRow, warning, error, h('div', { class: 'actions' }, button, cancel ? ' ' : null, cancel));
    form.addEventListener('change', update);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      if (declines() && !understood.checked) {
        error.textContent = t('consentFlow.confirmFirst');
        understood.focus();
        return;
      }
      if (isChange && reason.value.trim() === '') {
        error.textContent = t('problem.reason_required');
        reason.focus();
        return;
      }
      try {
        await send('PUT', o.url, { [o.formName]: fields.read(), ...(isChange ? { reason: reason.value.trim() } : {}) });
        o.onSaved();
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        error.textContent = problemText(e);
        fields.showErrors(e.fields.map((f) => ({ ...f, field: f.field.replace(`${o.formName}.`, '') })));
      }
    });
    replace(card, h('h2', {}, o.title), o.saved ? h('details', {}, h('summary', {}, t('consentFlow.savedBefore')), savedAnswers(o.formName, o.saved)) : null, form);
    update();
  };
  show();
  return card;
}
