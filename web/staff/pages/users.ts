/**
 * Staff accounts, for admins (routes/users.ts, routes/totp.ts): the list
 * with role, sites, status and two-step verification; inviting someone
 * (form `staff_user` from the data dictionary, with an initial password they
 * change); which roles must use two-step verification; and per person
 * (#/users/<id>) name and role, sites, deactivation, a new password and the
 * reset of a lost second factor (with a reason). Every change is audited by
 * the server.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { renderFields } from '../form-fields';
import { choiceLabel, fieldLabel, formLabel } from '../labels';
import { problemText } from '../problem-text';
import type { Role, RouteContext } from '../routes';
import { t } from '../texts/index';
import { getJson, list, paths, send, type Site, type User } from '../staff-api';

const ROLES: Role[] = ['admin', 'trial_manager', 'coach', 'evaluator', 'data_monitor'];
const roleName = (role: string) => choiceLabel('staff_user', 'role', role);

/** The sentence for a refusal, with the server's field notes (English) after it. */
export function refusal(e: unknown): string {
  if (!(e instanceof ApiError) || e.fields.length === 0) return problemText(e);
  return `${problemText(e)} ${e.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`;
}

/** A form whose submit runs `action`, showing the refusal in its alert line and `done` after success. */
function actionForm(id: string, children: (Node | null)[], label: string, action: () => Promise<void>): HTMLFormElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card', id, novalidate: true }, ...children, error, h('button', { type: 'submit', class: 'primary' }, label));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await action();
    } catch (e) {
      error.textContent = refusal(e);
    }
  });
  return form;
}

function policyForm(policy: { required_roles: Role[] }, redraw: () => void): HTMLElement {
  const boxes = ROLES.map((role) => {
    const box = h('input', { type: 'checkbox', id: `policy-${role}`, value: role });
    box.checked = policy.required_roles.includes(role);
    return h('label', { for: `policy-${role}`, class: 'radio' }, box, ` ${roleName(role)}`);
  });
  const reason = h('input', { id: 'policy-reason', type: 'text', maxlength: 500 });
  return actionForm('totp-policy', [
    h('h2', {}, formLabel('totp_policy')),
    h('p', { class: 'hint' }, t('users.policyIntro')),
    h('fieldset', { class: 'field' }, h('legend', {}, fieldLabel('totp_policy', 'required_roles')), h('div', { class: 'radio-row' }, ...boxes)),
    h('div', { class: 'field' }, h('label', { for: 'policy-reason' }, fieldLabel('totp_policy', 'reason')), reason),
  ], t('users.policySave'), async () => {
    const required = ROLES.filter((role) => (document.getElementById(`policy-${role}`) as HTMLInputElement).checked);
    await send('PUT', paths.totpPolicy, { required_roles: required, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
    redraw();
  });
}

function inviteForm(sites: Site[], redraw: () => void): HTMLElement {
  const fields = renderFields(getForm('staff_user')!, { prefix: 'invite', only: ['email', 'display_name', 'role', 'password'] });
  const site = h('select', { id: 'invite-site' }, h('option', { value: '' }, '—'), ...sites.map((s) => h('option', { value: s.code }, `${s.code} – ${s.name}`)));
  return actionForm('invite', [
    h('h2', {}, t('users.invite')),
    h('p', { class: 'hint' }, t('users.inviteIntro')),
    fields.root,
    h('div', { class: 'field' }, h('label', { for: 'invite-site' }, t('common.site')), site),
  ], t('users.inviteSubmit'), async () => {
    try {
      await send('POST', paths.users, { ...fields.read(), ...(site.value ? { site_code: site.value } : {}) });
    } catch (e) {
      if (e instanceof ApiError) fields.showErrors(e.fields);
      throw e;
    }
    redraw();
  });
}

function usersTable(users: User[]): HTMLElement {
  const heads = [fieldLabel('staff_user', 'display_name'), fieldLabel('staff_user', 'email'), fieldLabel('staff_user', 'role'), t('users.sites'), t('users.status'), t('users.twoStep')];
  return h('table', { class: 'data', id: 'users-table' }, h('caption', {}, t('users.list')),
    h('thead', {}, h('tr', {}, ...heads.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...users.map((u) => h('tr', { 'data-user': u.email },
      h('td', {}, h('a', { href: `#/users/${u.id}` }, u.display_name)),
      h('td', {}, u.email), h('td', {}, roleName(u.role)), h('td', {}, u.sites.join(', ') || '–'),
      h('td', {}, u.active === false ? t('users.deactivated') : t('users.active')),
      h('td', {}, u.totp_enrolled ? t('users.twoStepOn') : t('users.twoStepOff'))))));
}

async function renderList(main: HTMLElement, context: RouteContext): Promise<void> {
  const [users, sites, policy] = await Promise.all([
    getJson(paths.users).then((a) => list<User>(a, 'users')),
    getJson(paths.sites).then((a) => list<Site>(a, 'sites')),
    getJson<{ policy: { required_roles: Role[] } }>(paths.totpPolicy).then((a) => a.policy),
  ]);
  const redraw = () => void render(main, context);
  replace(main, h('h1', {}, t('users.title')), h('section', { class: 'card' }, usersTable(users)), inviteForm(sites, redraw), policyForm(policy, redraw));
}

async function renderUser(main: HTMLElement, context: RouteContext, id: number): Promise<void> {
  const [users, sites] = await Promise.all([getJson(paths.users).then((a) => list<User>(a, 'users')), getJson(paths.sites).then((a) => list<Site>(a, 'sites'))]);
  const user = users.find((u) => u.id === id);
  if (!user) return replace(main, h('h1', {}, t('users.title')), h('p', { class: 'error', role: 'alert' }, t('problem.not_found')));
  const redraw = () => void render(main, context);
  const self = context.user.id === user.id;

  const name = h('input', { id: 'user-name', type: 'text', maxlength: 100, value: user.display_name });
  const role = h('select', { id: 'user-role', disabled: self }, ...ROLES.map((r) => h('option', { value: r }, roleName(r))));
  role.value = user.role;
  const details = actionForm('user-details', [
    h('h2', {}, t('users.details')),
    h('div', { class: 'field' }, h('label', { for: 'user-name' }, fieldLabel('staff_user', 'display_name')), name),
    h('div', { class: 'field' }, h('label', { for: 'user-role' }, fieldLabel('staff_user', 'role')), role),
  ], t('users.save'), async () => {
    await send('PATCH', paths.user(id), { display_name: name.value, ...(self ? {} : { role: role.value }) });
    redraw();
  });

  const siteList = h('ul', { id: 'user-sites' }, ...user.sites.map((code) => {
    const remove = h('button', { type: 'button', class: 'link' }, t('users.removeSite', { site: code }));
    remove.addEventListener('click', async () => {
      await send('DELETE', paths.userSite(id, code)).then(redraw, (e) => { siteError.textContent = refusal(e); });
    });
    return h('li', {}, `${code} `, remove);
  }));
  const siteError = h('p', { class: 'error', role: 'alert' });
  const addSite = h('select', { id: 'user-add-site' }, ...sites.filter((s) => !user.sites.includes(s.code)).map((s) => h('option', { value: s.code }, `${s.code} – ${s.name}`)));
  const sitesForm = actionForm('user-site-form', [h('h2', {}, t('users.sites')), user.sites.length ? siteList : h('p', { class: 'hint' }, t('users.noSites')), siteError,
    h('div', { class: 'field' }, h('label', { for: 'user-add-site' }, t('users.addSite')), addSite)], t('users.addSiteSubmit'), async () => {
    await send('POST', paths.userSites(id), { site_code: addSite.value });
    redraw();
  });

  const newPassword = h('input', { id: 'user-new-password', type: 'text', autocomplete: 'new-password', maxlength: 200 });
  const password = actionForm('user-password', [h('h2', {}, formLabel('staff_password_reset')), h('p', { class: 'hint' }, t('users.passwordIntro')),
    h('div', { class: 'field' }, h('label', { for: 'user-new-password' }, fieldLabel('staff_password_reset', 'new_password')), newPassword)], t('users.passwordSubmit'), async () => {
    await send('PUT', paths.userPassword(id), { new_password: newPassword.value });
    newPassword.value = '';
    replace(password.querySelector('.hint')!, t('users.passwordDone'));
  });

  const totpReason = h('input', { id: 'user-totp-reason', type: 'text', maxlength: 500, required: true });
  const totp = user.totp_enrolled
    ? actionForm('user-totp-reset', [h('h2', {}, formLabel('totp_reset')), h('p', { class: 'hint' }, t('users.totpResetIntro')),
      h('div', { class: 'field' }, h('label', { for: 'user-totp-reason' }, fieldLabel('totp_reset', 'reason')), totpReason)], t('users.totpResetSubmit'), async () => {
      await send('POST', paths.userTotpReset(id), { reason: totpReason.value });
      redraw();
    })
    : h('section', { class: 'card' }, h('h2', {}, t('users.twoStep')), h('p', { id: 'user-totp-state' }, t('users.twoStepOff')));

  const confirm = h('button', { type: 'button', class: 'primary', id: 'user-active-confirm', hidden: true }, user.active === false ? t('users.reactivateConfirm') : t('users.deactivateConfirm'));
  const toggle = h('button', { type: 'button', id: 'user-active', disabled: self }, user.active === false ? t('users.reactivate') : t('users.deactivate'));
  const activeError = h('p', { class: 'error', role: 'alert' });
  toggle.addEventListener('click', () => { confirm.hidden = false; confirm.focus(); });
  confirm.addEventListener('click', async () => {
    await send('PATCH', paths.user(id), { active: user.active === false }).then(redraw, (e) => { activeError.textContent = refusal(e); });
  });
  const active = h('section', { class: 'card' }, h('h2', {}, t('users.status')),
    h('p', { id: 'user-active-state' }, user.active === false ? t('users.deactivated') : t('users.active')),
    h('p', { class: 'hint' }, t('users.deactivateIntro')), toggle, ' ', confirm, activeError);

  replace(main, h('h1', {}, t('users.userTitle', { name: user.display_name })), h('p', {}, h('a', { href: '#/users' }, t('users.back'))),
    h('p', {}, `${user.email} · ${roleName(user.role)}`), details, sitesForm, active, password, totp);
}

export async function render(main: HTMLElement, context: RouteContext): Promise<void> {
  const id = Number(context.params[0]);
  if (context.params[0] && Number.isInteger(id)) return renderUser(main, context, id);
  return renderList(main, context);
}
