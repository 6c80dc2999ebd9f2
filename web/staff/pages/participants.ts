/** The participant list: study id, site, flow stage, arm, referral date. */
import { h, replace } from '../../modules/dom';
import { formatDate } from '../i18n';
import { armLabel, stageLabel } from '../labels';
import { get, getJson, list, paths } from '../staff-api';
import type { RouteContext } from '../routes';
import { t } from '../texts/index';

export async function render(main: HTMLElement, { user }: RouteContext): Promise<void> {
  const participants = list(await getJson(paths.participants), 'participants');
  const rows = participants.map((p) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/participant/${get(p, 'id')}` }, String(get(p, 'study_id') ?? ''))),
    h('td', {}, String(get(p, 'site') ?? get(p, 'site_code') ?? '')),
    h('td', { 'data-stage': String(get(p, 'stage') ?? '') }, stageLabel(get(p, 'stage'))),
    h('td', {}, get(p, 'arm') ? armLabel(get(p, 'arm')) : '–'),
    h('td', {}, formatDate(get(p, 'referral_date')))));
  replace(main,
    h('h1', {}, t('participants.title')),
    ['admin', 'trial_manager'].includes(user.role) ? h('p', {}, h('a', { href: '#/enrol' }, t('participants.register'))) : null,
    participants.length === 0 ? h('p', {}, t('participants.none')) : h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ...[t('common.studyId'), t('common.site'), t('common.stage'), t('common.arm'), t('common.referred')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows)));
}
