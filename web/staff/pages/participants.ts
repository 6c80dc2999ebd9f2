/** The participant list: study id, site, flow stage, arm, referral date. */
import { h, replace } from '../../modules/dom';
import { get, getJson, list, paths } from '../staff-api';
import type { RouteContext } from '../routes';

export async function render(main: HTMLElement, { user }: RouteContext): Promise<void> {
  const participants = list(await getJson(paths.participants), 'participants');
  const rows = participants.map((p) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/participant/${get(p, 'id')}` }, String(get(p, 'study_id') ?? ''))),
    h('td', {}, String(get(p, 'site') ?? get(p, 'site_code') ?? '')),
    h('td', {}, String(get(p, 'stage') ?? '')),
    h('td', {}, String(get(p, 'arm') ?? '–')),
    h('td', {}, String(get(p, 'referral_date') ?? ''))));
  replace(main,
    h('h1', {}, 'Participants'),
    ['admin', 'trial_manager'].includes(user.role) ? h('p', {}, h('a', { href: '#/enrol' }, 'Register a referral')) : null,
    participants.length === 0 ? h('p', {}, 'No participants yet.') : h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ...['Study id', 'Site', 'Stage', 'Arm', 'Referred'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows)));
}
