/**
 * The staff workspace: a single page with hash routes (#/dashboard,
 * #/participants/12 …). It asks the server who is logged in, shows the login
 * form when nobody is, and offers each role only its pages (evaluators:
 * reports and exports; the server refuses the rest anyway). The header has
 * the language selector (Svenska / Dansk / English); a switch redraws the
 * header and the page in place. Someone whose role must use two-step
 * verification and who has not set it up sees only its set-up (the server
 * refuses everything else) until a code confirms it.
 */
import { api, ApiError, setCsrfToken } from '../modules/api';
import { h, replace } from '../modules/dom';
import { language, LANGUAGE_NAMES, setLanguage, STAFF_LANGUAGES, type Language } from './i18n';
import { roleLabel } from './labels';
import { showLogin, type LoginAnswer } from './login';
import { ROUTES, routeTitle, type Role, type StaffUser, type Route } from './routes';
import { t } from './texts/index';

type SessionAnswer = LoginAnswer;

/** The language selector; `onChange` redraws whatever shows words. */
export function languageSelector(onChange: () => void): HTMLElement {
  const select = h('select', { id: 'staff-language' },
    ...STAFF_LANGUAGES.map((code) => h('option', { value: code, lang: code }, LANGUAGE_NAMES[code])));
  select.value = language();
  select.addEventListener('change', () => {
    setLanguage(select.value as Language);
    onChange();
    document.getElementById('staff-language')?.focus();
  });
  return h('p', { class: 'language' }, h('label', { for: 'staff-language' }, t('app.language')), ' ', select);
}

export async function startStaff(root: HTMLElement): Promise<void> {
  language(); // sets <html lang> before anything is drawn
  let session: SessionAnswer | undefined;
  try {
    session = await api<SessionAnswer>('GET', '/api/session');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  if (!session) {
    showLogin(root, (answer) => {
      setCsrfToken(answer.csrf_token);
      startWorkspace(root, answer.user, answer.totp?.must_enrol === true);
    }, languageSelector);
    return;
  }
  setCsrfToken(session.csrf_token);
  startWorkspace(root, session.user, session.totp?.must_enrol === true);
}

function allowed(route: Route, role: Role): boolean {
  return route.roles.includes(role);
}

function startWorkspace(root: HTMLElement, user: StaffUser, mustEnrol: boolean): void {
  const main = h('main', { id: 'main', tabindex: -1 });
  const drawShell = () => {
    const links = ROUTES.filter((r) => !mustEnrol && r.nav && allowed(r, user.role)).map((r) =>
      h('li', {}, h('a', { href: `#/${r.path}`, 'data-route': r.path }, routeTitle(r))));
    const logout = h('button', { type: 'button', class: 'link', id: 'logout' }, t('app.logout'));
    logout.addEventListener('click', async () => {
      await api('DELETE', '/api/session').catch(() => undefined);
      setCsrfToken(undefined);
      location.hash = '';
      location.reload();
    });
    replace(root,
      h('a', { class: 'skip', href: '#main' }, t('app.skip')),
      h('header', { class: 'top' },
        h('p', { class: 'brand' }, t('app.brand')),
        h('nav', { 'aria-label': t('app.nav') }, h('ul', {}, ...links)),
        languageSelector(() => {
          drawShell();
          void show(false);
        }),
        h('p', { class: 'who' }, t('app.who', { name: user.display_name, role: roleLabel(user.role) }), ' ', logout)),
      main);
  };

  const show = async (focusHeading = true) => {
    if (mustEnrol) {
      document.title = t('app.pageTitle', { page: t('twoStep.title') });
      const { renderTwoStep } = await import('./pages/two-step');
      await renderTwoStep(main, () => location.reload());
      main.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
      if (focusHeading) main.querySelector<HTMLElement>('h1')?.focus();
      return;
    }
    const [hashPath, hashQuery = ''] = location.hash.replace(/^#\/?/, '').split('?');
    const [path, ...rest] = hashPath.split('/');
    const fallback = ROUTES.find((r) => r.nav && allowed(r, user.role));
    const route = ROUTES.find((r) => r.path === path && allowed(r, user.role)) ?? fallback;
    if (!route) return replace(main, h('h1', {}, t('app.nothingForRole')));
    for (const link of root.querySelectorAll<HTMLAnchorElement>('nav a')) {
      if (link.dataset.route === route.path) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = t('app.pageTitle', { page: routeTitle(route) });
    replace(main, h('p', { class: 'loading' }, t('app.loading')));
    try {
      await route.render(main, { user, params: rest.map(decodeURIComponent), query: new URLSearchParams(hashQuery) });
    } catch (error) {
      // the admin required two-step verification of this role meanwhile: start again at the set-up
      if (error instanceof ApiError && error.code === 'totp_enrolment_required') return location.reload();
      replace(main, h('h1', {}, routeTitle(route)), h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
    }
    main.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
    if (focusHeading) main.querySelector<HTMLElement>('h1')?.focus();
  };
  drawShell();
  window.addEventListener('hashchange', () => void show());
  void show();
}
