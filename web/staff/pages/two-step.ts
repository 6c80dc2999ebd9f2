/**
 * Two-step verification for oneself (routes/totp.ts): the status, and the
 * set-up — the server makes the secret and shows it once (a QR code for the
 * app's camera, an otpauth:// link the app opens on the phone itself, and
 * grouped for typing), and a code of the
 * app confirms it before it is active. Staff whose role must use it see only
 * this page until it is confirmed (app.ts).
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { fieldLabel } from '../labels';
import { problemText } from '../problem-text';
import type { RouteContext } from '../routes';
import { t } from '../texts/index';
import { getJson, paths, send } from '../staff-api';

interface TotpStatus { enrolled: boolean; pending: boolean; required: boolean; must_enrol: boolean }
interface Enrolment { secret: string; otpauth_uri: string; qr_image?: string }

/** The set-up for the logged-in person; `onEnrolled` runs once the code confirmed it. */
export async function renderTwoStep(main: HTMLElement, onEnrolled: () => void): Promise<void> {
  const { totp } = await getJson<{ totp: TotpStatus }>(paths.ownTotp);
  const heading = h('h1', {}, t('twoStep.title'));
  if (totp.enrolled) {
    replace(main, heading, h('p', { id: 'two-step-status' }, t('twoStep.on')), h('p', { class: 'hint' }, t('twoStep.resetByAdmin')));
    return;
  }
  const error = h('p', { class: 'error', role: 'alert' });
  const start = h('button', { type: 'button', class: 'primary', id: 'two-step-start' }, t('twoStep.start'));
  const area = h('div', {});
  start.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const { enrolment } = await send<{ enrolment: Enrolment }>('POST', paths.ownTotp);
      start.hidden = true;
      replace(area, confirmForm(enrolment, onEnrolled));
      area.querySelector<HTMLInputElement>('input')?.focus();
    } catch (e) {
      error.textContent = problemText(e);
    }
  });
  replace(main, heading,
    totp.must_enrol ? h('p', { class: 'notice', role: 'status', id: 'two-step-required' }, t('twoStep.required')) : null,
    h('p', {}, t('twoStep.intro')),
    h('section', { class: 'card' }, start, error, area));
}

function confirmForm(enrolment: Enrolment, onEnrolled: () => void): HTMLElement {
  const form = getForm('totp_confirm')!;
  const code = h('input', { id: 'two-step-code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6, required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const grouped = enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
  const element = h('form', { novalidate: true },
    h('ol', {},
      h('li', {}, t('twoStep.step1'), ' ', h('a', { href: enrolment.otpauth_uri, id: 'two-step-link' }, t('twoStep.openApp')),
        enrolment.qr_image ? h('p', {}, h('img', { src: enrolment.qr_image, id: 'two-step-qr', class: 'qr', alt: t('twoStep.qrAlt'), width: 180, height: 180 })) : null),
      h('li', {}, t('twoStep.step2'), ' ', h('code', { id: 'two-step-secret', 'data-secret': enrolment.secret }, grouped)),
      h('li', {}, t('twoStep.step3'))),
    h('div', { class: 'field' }, h('label', { for: 'two-step-code' }, fieldLabel(form.name, 'code')), code),
    error,
    h('button', { type: 'submit', class: 'primary' }, t('twoStep.confirm')));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await send('POST', paths.ownTotpConfirm, { code: code.value.replace(/\s/g, '') });
      onEnrolled();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      code.value = '';
      error.textContent = problemText(e);
    }
  });
  return element;
}

export async function render(main: HTMLElement, _context: RouteContext): Promise<void> {
  await renderTwoStep(main, () => void render(main, _context));
}
