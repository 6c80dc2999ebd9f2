/**
 * Actions on the participant page: recording screening and consent (forms
 * from the data dictionary), opening tablet mode or a home code (with its
 * printable slip, home-code-slip.ts), and
 * randomization behind an explicit confirm step — the allocation is shown
 * only after the server has made it.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { renderFields } from '../form-fields';
import { homeCodeSlip, type HomeCode } from '../home-code-slip';
import { problemText } from '../problem-text';
import { formatDateTime } from '../i18n';
import { armLongLabel } from '../labels';
import { get, paths, send } from '../staff-api';
import { t } from '../texts/index';

/** A card with a dictionary form that sends `{ [part]: values }` (PUT by default; `part` defaults to the form name). */
export function formCard(title: string, formName: string, url: string, onSaved: () => void, options: { method?: 'PUT' | 'POST'; part?: string; button: string }): HTMLElement {
  const part = options.part ?? formName;
  const fields = renderFields(getForm(formName)!, { prefix: formName });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card', id: `${formName}-form`, novalidate: true }, h('h2', {}, title), fields.root, error,
    h('button', { type: 'submit', class: 'primary' }, options.button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await send(options.method ?? 'PUT', url, { [part]: fields.read() });
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      error.textContent = problemText(e);
      fields.showErrors(e.fields.map((f) => ({ ...f, field: f.field.replace(`${part}.`, '') })));
    }
  });
  return form;
}

export function randomizeCard(participantId: number, studyId: string, missing: string[], onDone: () => void): HTMLElement {
  const card = h('section', { class: 'card', id: 'randomization', 'aria-labelledby': 'randomization-title' });
  const start = () => {
    const begin = h('button', { type: 'button', class: 'primary', id: 'randomize', disabled: missing.length > 0 }, t('randomize.start'));
    begin.addEventListener('click', confirmStep);
    replace(card, h('h2', { id: 'randomization-title' }, t('randomize.title')),
      missing.length ? h('div', {}, h('p', {}, t('randomize.notYet')), h('ul', {}, ...missing.map((m) => h('li', {}, m)))) : h('p', {}, t('randomize.ready', { studyId })),
      begin);
  };
  const confirmStep = () => {
    const error = h('p', { class: 'error', role: 'alert' });
    const confirm = h('button', { type: 'button', class: 'danger', id: 'confirm-randomize' }, t('randomize.confirm', { studyId }));
    const cancel = h('button', { type: 'button', id: 'cancel-randomize' }, t('common.cancel'));
    cancel.addEventListener('click', start);
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const answer = await send('POST', paths.randomize(participantId), {});
        const allocation = get(answer, 'allocation') ?? answer;
        const arm = get(allocation, 'arm') ?? get(allocation, 'effective_arm');
        replace(card, h('h2', { id: 'randomization-title' }, t('randomize.title')),
          h('p', { role: 'status' }, t('randomize.done', { studyId })),
          h('p', { class: 'allocation', id: 'allocation', 'data-arm': String(arm) }, armLongLabel(arm)),
          h('p', {}, h('button', { type: 'button', onclick: onDone }, t('randomize.showSchedule'))));
      } catch (e) {
        confirm.disabled = false;
        if (!(e instanceof ApiError)) throw e;
        error.textContent = e.message;
      }
    });
    replace(card, h('h2', { id: 'randomization-title' }, t('randomize.confirmTitle')),
      h('p', {}, t('randomize.confirmText', { studyId })),
      error, h('div', { class: 'actions' }, confirm, cancel));
    confirm.focus();
  };
  start();
  return card;
}

export function tabletCard(participantId: number, studyId: string): HTMLElement {
  const pin = h('input', { id: 'tablet-pin', type: 'password', inputmode: 'numeric', autocomplete: 'off', pattern: '[0-9]{4,8}', 'aria-describedby': 'tablet-pin-hint' });
  const error = h('p', { class: 'error', role: 'alert' });
  const open = h('form', { class: 'field' },
    h('label', { for: 'tablet-pin' }, t('tablet.pin')), pin,
    h('p', { class: 'hint', id: 'tablet-pin-hint' }, t('tablet.pinHint')),
    error, h('button', { type: 'submit', class: 'primary', id: 'open-tablet' }, t('tablet.open')));
  open.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await send('POST', paths.tabletSession(participantId), { pin: pin.value });
      location.assign('/tablet.html');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      error.textContent = e.fields.length ? e.fields.map((f) => f.message).join('; ') : e.message;
    }
  });
  const codeOut = h('p', { role: 'status', id: 'home-code-out' });
  const slipOut = h('div', { id: 'home-code-slip-out' });
  const makeCode = h('button', { type: 'button', id: 'make-home-code' }, t('tablet.makeCode'));
  makeCode.addEventListener('click', async () => {
    const answer = await send('POST', paths.homeCode(participantId), {});
    const code = (get(answer, 'home_code') ?? answer) as HomeCode;
    codeOut.textContent = t('tablet.code', { studyId, until: formatDateTime(get(code, 'expires_at')) });
    replace(slipOut, homeCodeSlip({ ...code, studyId }));
    slipOut.querySelector<HTMLElement>('#print-slip')?.focus();
  });
  return h('section', { class: 'card', 'aria-labelledby': 'tablet-title' }, h('h2', { id: 'tablet-title' }, t('tablet.title')), open, makeCode, codeOut, slipOut);
}
