/**
 * The login form of the staff workspace (`POST /api/session`), with the
 * language selector above it. The field labels are the data dictionary's
 * (form `login`). An account with two-step verification gets a second step:
 * the server answers `totp_required`, the form asks for the 6-digit code of
 * the authenticator app and sends email, password and code again.
 */
import { api, ApiError } from '../modules/api';
import { h, replace } from '../modules/dom';
import { fieldLabel } from './labels';
import { problemText } from './problem-text';
import type { StaffUser } from './routes';
import { t, tNodes } from './texts/index';

type LanguageSelector = (onChange: () => void) => HTMLElement;
export interface LoginAnswer { user: StaffUser; csrf_token: string; totp?: { must_enrol: boolean } }

export function showLogin(root: HTMLElement, onLogin: (answer: LoginAnswer) => void, languageSelector: LanguageSelector): void {
  const email = h('input', { id: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const code = h('input', { id: 'totp-code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6, 'aria-describedby': 'totp-hint' });
  const codeStep = h('div', { class: 'field', id: 'totp-step' },
    h('label', { for: 'totp-code' }, fieldLabel('login', 'totp_code')), code,
    h('p', { class: 'hint', id: 'totp-hint' }, t('login.totpHint')));
  codeStep.hidden = true;
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'login' },
    h('h1', {}, t('login.title')),
    h('div', { class: 'field' }, h('label', { for: 'email' }, fieldLabel('login', 'email')), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, fieldLabel('login', 'password')), password),
    codeStep,
    error,
    submit,
    h('p', { class: 'hint' }, ...tNodes('login.tabletHint', { link: h('a', { href: '/tablet.html' }, '/tablet.html') })));
  const askForCode = () => {
    codeStep.hidden = false;
    code.required = true;
    submit.textContent = t('login.verify');
    code.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const body: Record<string, string> = { email: email.value, password: password.value };
    if (!codeStep.hidden) body.totp_code = code.value.replace(/\s/g, '');
    try {
      onLogin(await api('POST', '/api/session', body));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp_required') return askForCode();
      if (e instanceof ApiError && e.code === 'bad_totp_code') code.value = '';
      error.textContent = e instanceof ApiError ? problemText(e) : t('login.unreachable');
    }
  });
  const redraw = () => {
    const typed = { email: email.value, password: password.value, code: code.value, step: !codeStep.hidden };
    showLogin(root, onLogin, languageSelector);
    (document.getElementById('email') as HTMLInputElement).value = typed.email;
    (document.getElementById('password') as HTMLInputElement).value = typed.password;
    (document.getElementById('totp-code') as HTMLInputElement).value = typed.code;
    if (typed.step) document.getElementById('totp-step')!.hidden = false;
  };
  document.title = t('login.title');
  replace(root, h('header', { class: 'top' }, h('p', { class: 'brand' }, t('app.brand')), languageSelector(redraw)), h('main', { id: 'main' }, form));
  email.focus();
}
