/**
 * The login form of the staff workspace (`POST /api/session`), with the
 * language selector above it. The field labels are the data dictionary's
 * (form `login`).
 */
import { api, ApiError } from '../modules/api';
import { h, replace } from '../modules/dom';
import { fieldLabel } from './labels';
import { problemText } from './problem-text';
import type { StaffUser } from './routes';
import { t, tNodes } from './texts/index';

type LanguageSelector = (onChange: () => void) => HTMLElement;

export function showLogin(root: HTMLElement, onLogin: (answer: { user: StaffUser; csrf_token: string }) => void, languageSelector: LanguageSelector): void {
  const email = h('input', { id: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'login' },
    h('h1', {}, t('login.title')),
    h('div', { class: 'field' }, h('label', { for: 'email' }, fieldLabel('login', 'email')), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, fieldLabel('login', 'password')), password),
    error,
    h('button', { type: 'submit', class: 'primary' }, t('login.submit')),
    h('p', { class: 'hint' }, ...tNodes('login.tabletHint', { link: h('a', { href: '/tablet.html' }, '/tablet.html') })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      onLogin(await api('POST', '/api/session', { email: email.value, password: password.value }));
    } catch (e) {
      error.textContent = e instanceof ApiError ? problemText(e) : t('login.unreachable');
    }
  });
  const redraw = () => {
    const typed = { email: email.value, password: password.value };
    showLogin(root, onLogin, languageSelector);
    (document.getElementById('email') as HTMLInputElement).value = typed.email;
    (document.getElementById('password') as HTMLInputElement).value = typed.password;
  };
  document.title = t('login.title');
  replace(root, h('header', { class: 'top' }, h('p', { class: 'brand' }, t('app.brand')), languageSelector(redraw)), h('main', { id: 'main' }, form));
  email.focus();
}
