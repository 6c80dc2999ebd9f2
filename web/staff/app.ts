/**
 * The staff workspace: a single page with hash routes (#/dashboard,
 * #/participants/12 …). It asks the server who is logged in, shows the login
 * form when nobody is, and offers each role only its pages (evaluators:
 * reports and exports; the server refuses the rest anyway).
 */
import { api, ApiError, setCsrfToken } from '../modules/api';
import { h, replace } from '../modules/dom';
import { showLogin } from './login';
import { ROUTES, type Role, type StaffUser, type Route } from './routes';

interface SessionAnswer { user: StaffUser; csrf_token: string }

export async function startStaff(root: HTMLElement): Promise<void> {
  let session: SessionAnswer | undefined;
  try {
    session = await api<SessionAnswer>('GET', '/api/session');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  if (!session) {
    showLogin(root, (answer) => {
      setCsrfToken(answer.csrf_token);
      startWorkspace(root, answer.user);
    });
    return;
  }
  setCsrfToken(session.csrf_token);
  startWorkspace(root, session.user);
}

function allowed(route: Route, role: Role): boolean {
  return route.roles.includes(role);
}

function startWorkspace(root: HTMLElement, user: StaffUser): void {
  const main = h('main', { id: 'main', tabindex: -1 });
  const links = ROUTES.filter((r) => r.nav && allowed(r, user.role)).map((r) =>
    h('li', {}, h('a', { href: `#/${r.path}`, 'data-route': r.path }, r.title)));
  const logout = h('button', { type: 'button', class: 'link', id: 'logout' }, 'Log out');
  logout.addEventListener('click', async () => {
    await api('DELETE', '/api/session').catch(() => undefined);
    setCsrfToken(undefined);
    location.hash = '';
    location.reload();
  });
  replace(root,
    h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    h('header', { class: 'top' },
      h('p', { class: 'brand' }, 'IPS trial'),
      h('nav', { 'aria-label': 'Main' }, h('ul', {}, ...links)),
      h('p', { class: 'who' }, `${user.display_name} (${user.role.replace('_', ' ')})`, ' ', logout)),
    main);

  const show = async () => {
    const [path, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
    const fallback = ROUTES.find((r) => r.nav && allowed(r, user.role));
    const route = ROUTES.find((r) => r.path === path && allowed(r, user.role)) ?? fallback;
    if (!route) return replace(main, h('h1', {}, 'Nothing to show for your role'));
    for (const link of root.querySelectorAll<HTMLAnchorElement>('nav a')) {
      if (link.dataset.route === route.path) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = `${route.title} – IPS trial`;
    replace(main, h('p', { class: 'loading' }, 'Loading …'));
    try {
      await route.render(main, { user, params: rest.map(decodeURIComponent) });
    } catch (error) {
      replace(main, h('h1', {}, route.title), h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
    }
    main.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
    main.querySelector<HTMLElement>('h1')?.focus();
  };
  window.addEventListener('hashchange', () => void show());
  void show();
}
