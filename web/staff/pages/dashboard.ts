/**
 * The dashboard, one card per site: recruitment against the target places,
 * assessments due and overdue, the latest fidelity score; and the caseload
 * per coach with a warning above the fidelity limit (20). The due and
 * overdue counts link to the worklist filtered to that site and state; above
 * the cards, the open data queries this staff member can see, linking to the
 * data queries list filtered to open ones, and how many of them are the
 * user's own (opened or answered by them, or on a participant they coach;
 * linking to that list); not for the evaluator, who reads no participant
 * records. Words from the staff catalogue (texts/), numbers and dates in
 * the chosen locale.
 */
import { fidelityBandLabel } from '../fidelity-band';
import { h, replace } from '../../modules/dom';
import { formatDate, formatNumber } from '../i18n';
import { t } from '../texts/index';
import type { RouteContext } from '../routes';
import { get, getJson, list, optional, paths, type Site } from '../staff-api';

type Obj = Record<string, unknown>;

function note(error: Error): HTMLElement {
  return h('p', { class: 'hint' }, t('common.notAvailable', { reason: error.message }));
}

/** The worklist filtered to one site and state (the counts are links to it). */
const worklistLink = (site: string, state: string) => `#/worklist?${new URLSearchParams({ site, state })}`;

function siteCard(site: Site, participants: Obj[], due: Obj[] | Error, fidelity: Obj[] | Error): HTMLElement {
  const mine = participants.filter((p) => get(p, 'site') === site.code);
  const randomized = mine.filter((p) => get(p, 'arm')).length;
  const target = site.places_max ?? site.places_min;
  const targetText = site.places_min === site.places_max ? `${site.places_max}` : `${site.places_min}–${site.places_max}`; // a range: no thousands
  const meter = h('div', { class: 'meter', role: 'img', 'aria-label': t('dashboard.places', { randomized, target: targetText }) }, h('span', { style: `width:${Math.min(100, (randomized / Math.max(1, target)) * 100)}%` }));
  const dueHere = due instanceof Error ? due : due.filter((a) => get(a, 'site') === site.code || get(a, 'site_id') === site.id);
  const reviews = fidelity instanceof Error ? fidelity : fidelity.filter((r) => get(r, 'site') === site.code || get(r, 'site_code') === site.code || get(r, 'site_id') === site.id);
  const latest = reviews instanceof Error ? undefined : [...reviews].sort((a, b) => String(get(b, 'review_date')).localeCompare(String(get(a, 'review_date'))))[0];
  return h('section', { class: 'card site-card', 'data-site': site.code, 'aria-labelledby': `site-${site.code}` },
    h('h2', { id: `site-${site.code}` }, `${site.name} (${site.code})`),
    h('p', {}, t('dashboard.recruitment', { randomized, target: targetText, referred: mine.length })), meter,
    dueHere instanceof Error ? note(dueHere) : h('p', {},
      h('a', { href: worklistLink(site.code, 'open'), 'data-count': 'open' }, t('dashboard.due', { count: dueHere.filter((a) => get(a, 'state') === 'open').length }).replace(/[,\s]+$/, '')), ', ',
      h('a', { href: worklistLink(site.code, 'overdue'), 'data-count': 'overdue', class: dueHere.some((a) => get(a, 'state') === 'overdue') ? 'warn' : '' }, t('dashboard.overdue', { count: dueHere.filter((a) => get(a, 'state') === 'overdue').length }))),
    reviews instanceof Error ? note(reviews) : h('p', {}, latest ? t('dashboard.fidelity', { total: Number(get(latest, 'total')), band: fidelityBandLabel(get(latest, 'band')), date: formatDate(get(latest, 'review_date')) }) : t('dashboard.noFidelity')));
}

function caseloadTable(answer: unknown): HTMLElement {
  const limit = Number(get(answer, 'limit') ?? 20);
  const coaches = list<Obj>(answer, 'coaches');
  return h('section', { class: 'card', id: 'caseload' }, h('h2', {}, t('dashboard.caseload')),
    h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dashboard.coach')), h('th', { scope: 'col' }, t('dashboard.active')), h('th', { scope: 'col' }, t('dashboard.note')))),
      h('tbody', {}, ...coaches.map((c) => {
        const n = Number(get(c, 'active_participants') ?? 0);
        return h('tr', {}, h('th', { scope: 'row' }, String(get(c, 'display_name') ?? get(c, 'coach_name') ?? get(c, 'coach_id'))), h('td', {}, formatNumber(n)),
          h('td', {}, n > limit ? h('span', { class: 'warn' }, t('dashboard.aboveLimit', { limit })) : ''));
      }))));
}

export async function render(main: HTMLElement, { user }: RouteContext): Promise<void> {
  const [sitesAnswer, participantsAnswer, due, caseload, fidelity, dataQueries, myDataQueries] = await Promise.all([
    getJson(paths.sites),
    getJson(paths.participants),
    optional(() => getJson(paths.due).then((a) => list<Obj>(a, 'assessments'))),
    optional(() => getJson(paths.caseload).then((a) => get(a, 'caseloads') ?? a)),
    optional(() => getJson(paths.fidelity).then((a) => list<Obj>(a, 'reviews'))),
    user.role === 'evaluator' ? Promise.resolve(new Error('not for evaluators')) : optional(() => getJson(paths.dataQuerySummary).then((a) => Number(get(a, 'openDataQueries') ?? 0))),
    user.role === 'evaluator' ? Promise.resolve(new Error('not for evaluators')) : optional(() => getJson(`${paths.dataQueries}?state=open&mine=1`).then((a) => list(a, 'dataQueries').length)),
  ]);
  const sites = list<Site>(sitesAnswer, 'sites').filter((s) => user.role !== 'coach' || user.sites.includes(s.code));
  const participants = list<Obj>(participantsAnswer, 'participants');
  replace(main, h('h1', {}, t('dashboard.title')),
    dataQueries instanceof Error ? '' : h('p', {}, h('a', { id: 'open-data-queries', href: '#/data-queries?state=open', class: dataQueries > 0 ? 'warn' : '' }, t('dashboard.openDataQueries', { count: formatNumber(dataQueries) })),
      myDataQueries instanceof Error ? '' : [', ', h('a', { id: 'my-open-data-queries', href: '#/data-queries?state=open&mine=1' }, t('dashboard.myOpenDataQueries', { count: formatNumber(myDataQueries) }))]),
    h('div', { class: 'cards' }, ...sites.map((site) => siteCard(site, participants, due, fidelity))),
    caseload instanceof Error ? h('section', { class: 'card' }, h('h2', {}, t('dashboard.caseload')), note(caseload)) : caseloadTable(caseload));
}
