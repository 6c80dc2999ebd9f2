/**
 * The participant list: search (study id; also the name for the roles that
 * may see names, and a whole personnummer/CPR number for trial managers and
 * admins — the server decides, audits the search without its text, and never
 * sends the name), filters by
 * site, stage and arm, sorting by column, and server-side pages of 25. The
 * search and filters are kept in the hash query, so the back button and a
 * reload keep them.
 */
import { h, replace } from '../../modules/dom';
import { formatDate, formatNumber } from '../i18n';
import { armLabel, stageLabel } from '../labels';
import { get, getJson, list, optional, paths, type Site } from '../staff-api';
import type { RouteContext } from '../routes';
import { t, type MessageKey } from '../texts/index';
import { filterBar, keepInHash } from './list-filters';

const STAGES = ['referred', 'not_eligible', 'eligible', 'declined', 'consented', 'randomized', 'withdrawn'];
const COLUMNS: [string, MessageKey][] = [['study_id', 'common.studyId'], ['site', 'common.site'], ['stage', 'common.stage'], ['arm', 'common.arm'], ['referral_date', 'common.referred']];
const PER_PAGE = 25;

export async function render(main: HTMLElement, { user, query }: RouteContext): Promise<void> {
  const values = new URLSearchParams(query ?? '');
  const sites = list<Site>(await getJson(paths.sites), 'sites').filter((s) => user.role !== 'coach' || user.sites.includes(s.code));
  const byName = ['admin', 'trial_manager', 'coach'].includes(user.role);
  const results = h('div', { id: 'participant-results', 'aria-live': 'polite' });

  const draw = async () => {
    const ask = new URLSearchParams(values);
    ask.set('per_page', String(PER_PAGE));
    if (!ask.get('page')) ask.set('page', '1');
    const answer = await optional(() => getJson(`${paths.participants}?${ask}`));
    if (answer instanceof Error) return replace(results, h('p', { class: 'error', role: 'alert' }, answer.message));
    const rows = list(answer, 'participants');
    const total = Number(get(answer, 'total') ?? rows.length);
    const page = Number(get(answer, 'page') ?? 1);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const sort = values.get('sort') ?? 'study_id';
    const header = COLUMNS.map(([key, label]) => {
      const current = sort.replace(/^-/, '') === key;
      const descending = current && sort.startsWith('-');
      const button = h('button', { type: 'button', class: 'link sort', 'data-sort': key }, t(label), current ? (descending ? ' ▼' : ' ▲') : '');
      button.addEventListener('click', () => {
        values.set('sort', current && !descending ? `-${key}` : key);
        values.delete('page');
        keepInHash('participants', values);
        void draw();
      });
      return h('th', { scope: 'col', 'aria-sort': current ? (descending ? 'descending' : 'ascending') : 'none' }, button);
    });
    const goTo = (n: number) => {
      values.set('page', String(n));
      keepInHash('participants', values);
      void draw();
    };
    const previous = h('button', { type: 'button', id: 'page-previous', disabled: page <= 1 }, t('list.previous'));
    const next = h('button', { type: 'button', id: 'page-next', disabled: page >= pages }, t('list.next'));
    previous.addEventListener('click', () => goTo(page - 1));
    next.addEventListener('click', () => goTo(page + 1));
    replace(results,
      total === 0 ? h('p', {}, values.toString() ? t('list.noMatch') : t('participants.none')) : h('table', { class: 'data', id: 'participants' },
        h('thead', {}, h('tr', {}, ...header)),
        h('tbody', {}, ...rows.map((p) => h('tr', {},
          h('th', { scope: 'row' }, h('a', { href: `#/participant/${get(p, 'id')}` }, String(get(p, 'study_id') ?? ''))),
          h('td', {}, String(get(p, 'site') ?? '')),
          h('td', { 'data-stage': String(get(p, 'stage') ?? '') }, stageLabel(get(p, 'stage'))),
          h('td', {}, get(p, 'arm') ? armLabel(get(p, 'arm')) : '–'),
          h('td', {}, formatDate(get(p, 'referral_date'))))))),
      h('nav', { class: 'pager', 'aria-label': t('list.pages') },
        previous, ' ', h('span', { id: 'page-of' }, t('list.pageOf', { page: formatNumber(page), pages: formatNumber(pages), total: formatNumber(total) })), ' ', next));
  };

  const search = h('input', { type: 'search', id: 'participant-search', name: 'q', autocomplete: 'off' });
  search.value = values.get('q') ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (search.value.trim()) values.set('q', search.value.trim());
      else values.delete('q');
      values.delete('page');
      keepInHash('participants', values);
      void draw();
    }, 250);
  });
  const searchField = h('div', { class: 'field' }, h('label', { for: 'participant-search' }, ['admin', 'trial_manager'].includes(user.role) ? t('participants.searchByNameOrNumber') : byName ? t('participants.searchByName') : t('participants.search')), search);
  const bar = filterBar('participants', [
    { name: 'site', label: t('common.site'), options: sites.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) },
    { name: 'stage', label: t('common.stage'), options: STAGES.map((s) => ({ value: s, label: stageLabel(s) })) },
    { name: 'arm', label: t('common.arm'), options: [{ value: 'ips', label: armLabel('ips') }, { value: 'control', label: armLabel('control') }, { value: 'none', label: t('participants.notRandomized') }] },
  ], values, () => void draw(), [searchField]);
  replace(main,
    h('h1', {}, t('participants.title')),
    ['admin', 'trial_manager'].includes(user.role) ? h('p', {}, h('a', { href: '#/enrol' }, t('participants.register'))) : null,
    bar, results);
  await draw();
}
