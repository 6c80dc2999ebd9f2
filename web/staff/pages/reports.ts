/**
 * Reports and exports — what evaluators see (the server enforces the roles):
 * the CONSORT flow, the funder report (HTML/CSV), cost-effectiveness (ICER)
 * reports computed from the live database, and anonymized exports (study
 * pseudonyms only, never names or national ids) with their files.
 */
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import type { RouteContext } from '../routes';
import { formatNumber } from '../i18n';
import { jobStatusLabel } from '../labels';
import { get, getJson, list, optional, send } from '../staff-api';
import { t } from '../texts/index';

type Obj = Record<string, unknown>;

function section(title: string, ...children: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

function note(error: Error): HTMLElement {
  return h('p', { class: 'hint' }, t('common.notAvailable', { reason: error.message }));
}

function startButton(label: string, url: string, status: HTMLElement, after: () => void): HTMLElement {
  const button = h('button', { type: 'button' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await send('POST', url, {});
      status.textContent = t('reports.started');
      after();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

export async function render(main: HTMLElement, context: RouteContext): Promise<void> {
  const { user } = context;
  const again = () => void render(main, context);
  const canMake = ['evaluator', 'trial_manager', 'admin'].includes(user.role);
  const canExport = ['evaluator', 'trial_manager'].includes(user.role);
  const [reports, exports] = await Promise.all([
    optional(() => getJson('/api/reports').then((a) => list<Obj>(a, 'reports'))),
    canExport ? optional(() => getJson('/api/exports').then((a) => list<Obj>(a, 'exports'))) : Promise.resolve(null),
  ]);
  const reportStatus = h('p', { role: 'status' });
  const exportStatus = h('p', { role: 'status' });
  const reportList = reports instanceof Error ? note(reports) : reports.length === 0 ? h('p', { class: 'hint' }, t('reports.noReport'))
    : h('ul', {}, ...reports.map((r) => {
      const links = get<Obj>(r, 'links');
      return h('li', {}, `#${get(r, 'id')} ${String(get(r, 'kind') ?? '').toUpperCase()} – ${jobStatusLabel(get(r, 'status'))}${get(r, 'percent') !== undefined && get(r, 'status') !== 'done' ? ` (${formatNumber(Number(get(r, 'percent')))} %)` : ''} `,
        links ? h('a', { href: String(get(links, 'html')) }, t('reports.report')) : null, links ? ' · ' : null,
        links ? h('a', { href: String(get(links, 'result')) }, 'result.json') : null);
    }));
  const exportList = exports === null ? null : exports instanceof Error ? note(exports) : exports.length === 0 ? h('p', { class: 'hint' }, t('reports.noExport'))
    : h('ul', {}, ...exports.map((x) => h('li', {}, `#${get(x, 'id')} – ${jobStatusLabel(get(x, 'status'))} (${get(x, 'participants') === undefined || get(x, 'participants') === null ? '–' : t('reports.exportParticipants', { count: Number(get(x, 'participants')) })}) `,
      ...list<Obj>(get(x, 'files') ?? []).flatMap((f) => [h('a', { href: String(get(f, 'url')) }, String(get(f, 'name'))), ' ']))));
  replace(main, h('h1', {}, t('reports.title')),
    section(t('reports.trialFlow'), h('p', {}, h('a', { href: '#/consort' }, t('reports.consortLink')), t('reports.consortNote'))),
    canMake ? section(t('reports.funder'), h('p', {}, h('a', { href: '/api/reports/funder?format=html' }, t('reports.funderHtml')), ' · ', h('a', { href: '/api/reports/funder?format=csv' }, t('reports.funderCsv')))) : null,
    section(t('reports.icer'), reportList, canMake ? startButton(t('reports.computeIcer'), '/api/reports/icer', reportStatus, again) : null, reportStatus),
    exportList ? section(t('reports.exports'), h('p', { class: 'hint' }, t('reports.exportsHint')),
      exportList, startButton(t('reports.makeExport'), '/api/exports', exportStatus, again), exportStatus) : null,
    user.role === 'admin' || user.role === 'data_monitor'
      ? section(t('reports.audit'), h('p', {}, h('a', { href: '/api/audit.csv' }, t('reports.auditLink')), t('reports.auditNote')))
      : null);
}
