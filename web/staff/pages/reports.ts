/**
 * Reports and exports — what evaluators see (the server enforces the roles):
 * the CONSORT flow, the funder report (HTML/CSV), cost-effectiveness (ICER)
 * reports computed from the live database, and anonymized exports (study
 * pseudonyms only, never names or national ids) with their files.
 */
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import type { RouteContext } from '../routes';
import { get, getJson, list, optional, send } from '../staff-api';

type Obj = Record<string, unknown>;

function section(title: string, ...children: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

function note(error: Error): HTMLElement {
  return h('p', { class: 'hint' }, `Not available: ${error.message}`);
}

function startButton(label: string, url: string, status: HTMLElement, after: () => void): HTMLElement {
  const button = h('button', { type: 'button' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await send('POST', url, {});
      status.textContent = 'Started. The list updates when you reload this page.';
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
  const reportList = reports instanceof Error ? note(reports) : reports.length === 0 ? h('p', { class: 'hint' }, 'No ICER report yet.')
    : h('ul', {}, ...reports.map((r) => {
      const links = get<Obj>(r, 'links');
      return h('li', {}, `#${get(r, 'id')} ${get(r, 'kind') ?? ''} – ${get(r, 'status')}${get(r, 'percent') !== undefined && get(r, 'status') !== 'done' ? ` (${get(r, 'percent')} %)` : ''} `,
        links ? h('a', { href: String(get(links, 'html')) }, 'report') : null, links ? ' · ' : null,
        links ? h('a', { href: String(get(links, 'result')) }, 'result.json') : null);
    }));
  const exportList = exports === null ? null : exports instanceof Error ? note(exports) : exports.length === 0 ? h('p', { class: 'hint' }, 'No export yet.')
    : h('ul', {}, ...exports.map((x) => h('li', {}, `#${get(x, 'id')} – ${get(x, 'status')} (${get(x, 'participants') ?? '–'} participants) `,
      ...list<Obj>(get(x, 'files') ?? []).flatMap((f) => [h('a', { href: String(get(f, 'url')) }, String(get(f, 'name'))), ' ']))));
  replace(main, h('h1', {}, 'Reports & exports'),
    section('Trial flow', h('p', {}, h('a', { href: '#/consort' }, 'CONSORT flow diagram'), ' (counts only, live).')),
    canMake ? section('Funder report', h('p', {}, h('a', { href: '/api/reports/funder?format=html' }, 'Funder report (HTML)'), ' · ', h('a', { href: '/api/reports/funder?format=csv' }, 'as CSV'))) : null,
    section('Cost-effectiveness (ICER) reports', reportList, canMake ? startButton('Compute a new ICER report', '/api/reports/icer', reportStatus, again) : null, reportStatus),
    exportList ? section('Anonymized exports', h('p', { class: 'hint' }, 'Study pseudonyms only; never names, national ids or contact details. Downloads are audited.'),
      exportList, startButton('Make an anonymized export', '/api/exports', exportStatus, again), exportStatus) : null,
    user.role === 'admin' || user.role === 'data_monitor'
      ? section('Audit trail', h('p', {}, h('a', { href: '/api/audit.csv' }, 'Download the audit trail (CSV)'), ' — the download itself is audited.'))
      : null);
}
