/**
 * The data queries list (REDCap's data resolution workflow): the queries
 * this staff member may see, filtered by state, site and "mine" (opened or
 * answered by me, or on a participant I coach), the filters kept in the
 * hash (#/data-queries?state=open&mine=1) so the dashboard's open count can
 * link here. Each row names the record and the field in the chosen language
 * and links to the query page (its comments and the steps the role allows).
 */
import { h, replace } from '../../modules/dom';
import { queryFieldLabel, queryStateLabel, recordLabel, type QueryRecord } from '../data-query-labels';
import { formatDateTime } from '../i18n';
import { problemText } from '../problem-text';
import type { RouteContext } from '../routes';
import { get, getJson, list, optional, paths, type Site } from '../staff-api';
import { t } from '../texts/index';
import { filterBar } from './list-filters';

type Obj = Record<string, unknown>;
const STATES = ['open', 'answered', 'closed'];

export async function render(main: HTMLElement, { user, query }: RouteContext): Promise<void> {
  const values = new URLSearchParams(query ?? '');
  const sites = list<Site>(await getJson(paths.sites), 'sites').filter((s) => user.role !== 'coach' || user.sites.includes(s.code));
  const results = h('div', { id: 'data-query-results', 'aria-live': 'polite' });

  const draw = async () => {
    const ask = new URLSearchParams();
    for (const key of ['state', 'site', 'mine']) if (values.get(key)) ask.set(key, values.get(key)!);
    const answer = await optional(() => getJson(`${paths.dataQueries}?${ask}`).then((a) => list<Obj>(a, 'dataQueries')));
    if (answer instanceof Error) return replace(results, h('p', { class: 'error', role: 'alert' }, problemText(answer)));
    replace(results,
      h('p', { id: 'data-query-count' }, t('queries.count', { count: answer.length })),
      answer.length === 0 ? h('p', { class: 'hint' }, t('queries.none')) : h('table', { class: 'data', id: 'data-queries' },
        h('thead', {}, h('tr', {}, ...[t('queries.query'), t('common.studyId'), t('common.site'), t('queries.record'), t('queries.field'), t('queries.state'), t('queries.opened'), t('queries.lastStep')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...answer.map((q) => {
          const record = get<QueryRecord>(q, 'record')!;
          const field = String(get(q, 'field'));
          const state = String(get(q, 'state'));
          return h('tr', { 'data-state': state, 'data-id': String(get(q, 'id')) },
            h('th', { scope: 'row' }, h('a', { href: `#/data-query/${get(q, 'id')}` }, t('queries.link', { id: String(get(q, 'id')) }))),
            h('td', {}, h('a', { href: `#/participant/${get(q, 'participantId')}` }, String(get(q, 'studyId')))),
            h('td', {}, String(get(q, 'site'))),
            h('td', {}, recordLabel(record, field)),
            h('td', {}, queryFieldLabel(record, field)),
            h('td', {}, h('span', { class: `state state-query-${state}` }, queryStateLabel(state))),
            h('td', {}, formatDateTime(get(q, 'openedAt'))),
            h('td', {}, formatDateTime(get(q, 'updatedAt'))));
        }))));
  };

  const bar = filterBar('data-queries', [
    { name: 'state', label: t('queries.state'), options: STATES.map((s) => ({ value: s, label: queryStateLabel(s) })) },
    { name: 'site', label: t('common.site'), options: sites.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) },
    { name: 'mine', label: t('queries.whose'), options: [{ value: '1', label: t('queries.mine') }] },
  ], values, () => void draw());
  replace(main, h('h1', {}, t('queries.title')), h('p', { class: 'hint' }, t('queries.intro')), bar, results);
  await draw();
}
