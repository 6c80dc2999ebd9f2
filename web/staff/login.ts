/** The login form of the staff workspace (`POST /api/session`). */
import { api, ApiError } from '../modules/api';
import { h, replace } from '../modules/dom';
import type { StaffUser } from './routes';

export function showLogin(root: HTMLElement, onLogin: (answer: { user: StaffUser; csrf_token: string }) => void): void {
  const email = h('input', { id: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'login' },
    h('h1', {}, 'IPS trial – staff login'),
    h('div', { class: 'field' }, h('label', { for: 'email' }, 'Email'), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Log in'),
    h('p', { class: 'hint' }, 'Participants: the questionnaire is at ', h('a', { href: '/tablet.html' }, '/tablet.html'), '.'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      onLogin(await api('POST', '/api/session', { email: email.value, password: password.value }));
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : 'The server could not be reached.';
    }
  });
  replace(root, h('main', { id: 'main' }, form));
  email.focus();
}
