/**
 * SUS registration: for the person who enters participants into SUS (the
 * coordination associations' follow-up system, which has no API). Lists the
 * registrations that are due, incomplete or not yet entered into SUS, and a
 * month's starters and leavers; each list prints its SUS sheets at once
 * (#/sus-sheets?participants=…). Month in the hash: #/sus?month=2026-12.
 */
import { h, replace } from '../../modules/dom';
import { formatDate } from '../i18n';
import type { RouteContext } from '../routes';
import { get, getJson, list, paths } from '../staff-api';
import { t, type MessageKey } from '../texts/index';

type Obj = Record<string, unknown>;

export const susStateLabel = (state: unknown) => t(`sus.state.${String(state)}` as MessageKey);

function monthName(month: string): string {
  return formatDate(`${month}-01`, { month: 'long', year: 'numeric' });
}

function table(id: string, items: Obj[]): HTMLElement {
  if (items.length === 0) return h('p', { class: 'hint' }, t('sus.none'));
  const cell = (state: unknown) => h('td', {}, h('span', { class: `state sus-${String(state)}` }, susStateLabel(state)));
  return h('table', { class: 'data', id },
    h('thead', {}, h('tr', {}, ...[t('common.studyId'), t('common.site'), t('sus.startDate'), t('sus.start'), t('sus.endDate'), t('sus.end')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...items.map((i) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/participant/${get(i, 'participantId')}` }, String(get(i, 'studyId')))),
      h('td', {}, String(get(i, 'site'))),
      h('td', {}, get(i, 'startDate') ? formatDate(get(i, 'startDate')) : '–'), cell(get(i, 'start')),
      h('td', {}, get(i, 'endDate') ? formatDate(get(i, 'endDate')) : '–'), cell(get(i, 'end'))))));
}

function section(id: string, title: string, items: Obj[]): HTMLElement {
  const ids = items.map((i) => String(get(i, 'studyId')));
  const print = items.length ? h('p', {}, h('a', { class: 'button', id: `${id}-print`, href: `#/sus-sheets?participants=${encodeURIComponent(ids.join(','))}` }, t('sus.print'))) : null;
  return h('section', { class: 'card', id }, h('h2', {}, title), table(`${id}-table`, items), print);
}

export async function render(main: HTMLElement, { query }: RouteContext): Promise<void> {
  const asked = query?.get('month') ?? '';
  const answer = await getJson(`${paths.susWorklist}${/^\d{4}-\d{2}$/.test(asked) ? `?month=${asked}` : ''}`) as Obj;
  const month = String(get(answer, 'month'));
  const input = h('input', { type: 'month', id: 'sus-month', value: month }) as HTMLInputElement;
  const form = h('form', { class: 'filters' }, h('label', { for: 'sus-month' }, t('sus.month')), ' ', input, ' ', h('button', { type: 'submit' }, t('sus.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (/^\d{4}-\d{2}$/.test(input.value)) location.hash = `#/sus?month=${input.value}`;
  });
  replace(main, h('h1', {}, t('sus.title')), h('p', { class: 'hint' }, t('sus.intro')), form,
    section('sus-starters', t('sus.starters', { month: monthName(month) }), list<Obj>(answer, 'starters')),
    section('sus-leavers', t('sus.leavers', { month: monthName(month) }), list<Obj>(answer, 'leavers')),
    section('sus-due', t('sus.due'), list<Obj>(answer, 'due')));
}
