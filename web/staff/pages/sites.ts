/**
 * Sites, for admins and trial managers (routes/sites.ts): the list with
 * region, target places (a range such as 4–8) and staff; adding a site (form
 * `site`) and changing one's name, region and target places (form
 * `site_update`), or deleting a site no one belongs to. Audited by the server.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { renderFields } from '../form-fields';
import { fieldLabel } from '../labels';
import type { RouteContext } from '../routes';
import { t } from '../texts/index';
import { getJson, list, paths, send, type Site } from '../staff-api';
import { refusal } from './users';

const places = (s: Site) => (s.places_min === s.places_max ? String(s.places_min) : `${s.places_min}–${s.places_max}`);

function sitesTable(sites: Site[]): HTMLElement {
  const heads = [fieldLabel('site', 'code'), fieldLabel('site', 'name'), fieldLabel('site', 'region'), t('sites.places'), t('sites.staff')];
  return h('table', { class: 'data', id: 'sites-table' }, h('caption', {}, t('sites.list')),
    h('thead', {}, h('tr', {}, ...heads.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...sites.map((s) => h('tr', { 'data-site': s.code },
      h('td', {}, h('a', { href: `#/sites/${encodeURIComponent(s.code)}` }, s.code)), h('td', {}, s.name), h('td', {}, s.region),
      h('td', { class: 'places' }, places(s)), h('td', {}, String(s.staff.length))))));
}

function siteForm(id: string, formName: 'site' | 'site_update', values: Record<string, string | number>, title: string, submit: string, action: (body: Record<string, unknown>) => Promise<void>): HTMLElement {
  const fields = renderFields(getForm(formName)!, { prefix: id, values });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card', id, novalidate: true }, h('h2', {}, title), fields.root, error, h('button', { type: 'submit', class: 'primary' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await action(fields.read());
    } catch (e) {
      if (e instanceof ApiError) fields.showErrors(e.fields);
      error.textContent = refusal(e);
    }
  });
  return form;
}

async function renderSite(main: HTMLElement, context: RouteContext, code: string): Promise<void> {
  const { site } = await getJson<{ site: Site }>(paths.site(code));
  const values = { name: site.name, region: site.region, places_min: site.places_min, places_max: site.places_max };
  const edit = siteForm('site-edit', 'site_update', values, t('sites.edit'), t('sites.save'), async (body) => {
    await send('PATCH', paths.site(code), body);
    location.hash = '#/sites';
  });
  const remove = h('button', { type: 'button', id: 'site-delete' }, t('sites.delete'));
  const removeError = h('p', { class: 'error', role: 'alert' });
  remove.addEventListener('click', async () => {
    removeError.textContent = '';
    await send('DELETE', paths.site(code)).then(() => { location.hash = '#/sites'; }, (e) => { removeError.textContent = refusal(e); });
  });
  const staff = site.staff.length ? h('ul', {}, ...site.staff.map((s) => h('li', {}, s.display_name))) : h('p', { class: 'hint' }, t('sites.noStaff'));
  replace(main, h('h1', {}, t('sites.siteTitle', { code: site.code, name: site.name })), h('p', {}, h('a', { href: '#/sites' }, t('sites.back'))),
    edit, h('section', { class: 'card' }, h('h2', {}, t('sites.staff')), staff),
    context.user.role === 'admin' || context.user.role === 'trial_manager' ? h('section', { class: 'card' }, h('p', { class: 'hint' }, t('sites.deleteIntro')), remove, removeError) : null);
}

export async function render(main: HTMLElement, context: RouteContext): Promise<void> {
  if (context.params[0]) return renderSite(main, context, context.params[0]);
  const sites = list<Site>(await getJson(paths.sites), 'sites');
  const add = siteForm('site-add', 'site', {}, t('sites.add'), t('sites.addSubmit'), async (body) => {
    await send('POST', paths.sites, body);
    void render(main, context);
  });
  replace(main, h('h1', {}, t('sites.title')), h('section', { class: 'card' }, sitesTable(sites)), add);
}
