/**
 * The worklist: due, open, overdue and missed assessments across the sites
 * this user may see, most urgent first (the server's order: overdue, open,
 * missed), filterable by site, coach, timepoint and state. Each row links to
 * the participant, where the assessment is recorded. The dashboard's counts
 * link here with the site and state filled in.
 */
import { h, replace } from '../../modules/dom';
import { formatDate, formatNumber } from '../i18n';
import { assessmentStateLabel } from '../labels';
import type { RouteContext } from '../routes';
import { get, getJson, list, optional, paths, type Site } from '../staff-api';
import { t } from '../texts/index';
import { filterBar } from './list-filters';

type Obj = Record<string, unknown>;
const WORK_STATES = ['overdue', 'open', 'missed'];
const TIMEPOINTS = [0, 6, 12, 18, 24];

export async function render(main: HTMLElement, { user, query }: RouteContext): Promise<void> {
  const values = new URLSearchParams(query ?? '');
  const sites = list<Site>(await getJson(paths.sites), 'sites').filter((s) => user.role !== 'coach' || user.sites.includes(s.code));
  const coaches = new Map(sites.flatMap((s) => (s.staff ?? []).filter((u) => u.role === 'coach').map((u) => [u.id, u.display_name] as [number, string])));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const results = h('div', { id: 'worklist-results', 'aria-live': 'polite' });

  const draw = async () => {
    const ask = new URLSearchParams();
    for (const key of ['site', 'coach', 'timepoint']) if (values.get(key)) ask.set(key, values.get(key)!);
    ask.set('state', values.get('state') || WORK_STATES.join(','));
    const answer = await optional(() => getJson(`${paths.due}?${ask}`).then((a) => list<Obj>(a, 'assessments')));
    if (answer instanceof Error) return replace(results, h('p', { class: 'error', role: 'alert' }, answer.message));
    replace(results,
      h('p', { id: 'worklist-count' }, t('worklist.count', { count: answer.length })),
      answer.length === 0 ? h('p', { class: 'hint' }, t('worklist.none')) : h('table', { class: 'data', id: 'worklist' },
        h('thead', {}, h('tr', {}, ...[t('common.studyId'), t('common.site'), t('dashboard.coach'), t('worklist.timepoint'), t('worklist.target'), t('worklist.windowEnds'), t('worklist.state'), t('worklist.forms')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...answer.map((a) => {
          const site = siteById.get(Number(get(a, 'site_id')));
          const state = String(get(a, 'state'));
          return h('tr', { 'data-state': state },
            h('th', { scope: 'row' }, h('a', { href: `#/participant/${get(a, 'participant_id')}` }, String(get(a, 'study_id')))),
            h('td', {}, site ? site.code : '–'),
            h('td', {}, get(a, 'coach_id') ? coaches.get(Number(get(a, 'coach_id'))) ?? '–' : '–'),
            h('td', {}, t('participant.months', { count: Number(get(a, 'timepoint')) })),
            h('td', {}, formatDate(get(a, 'target_date'))),
            h('td', {}, formatDate(get(a, 'window_end'))),
            h('td', {}, h('span', { class: `state state-${state}` }, assessmentStateLabel(state))),
            h('td', {}, t('worklist.formsDone', { done: formatNumber(list(get(a, 'forms_complete') ?? []).length), of: formatNumber(list(get(a, 'forms_required') ?? []).length) })));
        }))));
  };

  const bar = filterBar('worklist', [
    { name: 'site', label: t('common.site'), options: sites.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) },
    { name: 'coach', label: t('dashboard.coach'), options: [...coaches].map(([id, name]) => ({ value: String(id), label: name })) },
    { name: 'timepoint', label: t('worklist.timepoint'), options: TIMEPOINTS.map((m) => ({ value: String(m), label: t('participant.months', { count: m }) })) },
    { name: 'state', label: t('worklist.state'), options: WORK_STATES.map((s) => ({ value: s, label: assessmentStateLabel(s) })) },
  ], values, () => void draw());
  replace(main, h('h1', {}, t('worklist.title')), h('p', { class: 'hint' }, t('worklist.intro')), bar, results);
  await draw();
}
