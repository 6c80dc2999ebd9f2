/**
 * Reports and exports — what evaluators see (the server enforces the roles):
 * the CONSORT flow, the funder report (HTML/CSV; anonymised: counts only,
 * small cells withheld), cost-effectiveness (ICER) reports computed from the
 * live database with live progress (percent and stage, no reload), and
 * pseudonymised exports (one row per participant under a study pseudonym,
 * never names or national ids — still personal data under the GDPR) with
 * their files. Report pages open styled: the server sends them with a CSP
 * that allows exactly their inline style. Both reports are made in the
 * workspace's language (Svenska, Dansk or English).
 */
import { DEFAULT_SETTINGS } from '../../../analysis/settings';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import type { RouteContext } from '../routes';
import { formatNumber, language } from '../i18n';
import { jobStatusLabel } from '../labels';
import { get, getJson, list, optional, send } from '../staff-api';
import { hasMessage, t } from '../texts/index';
import { problemText } from '../problem-text';
import { followJob } from './job-progress';

type Obj = Record<string, unknown>;

function section(title: string, ...children: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

function note(error: Error): HTMLElement {
  return h('p', { class: 'hint' }, t('common.notAvailable', { reason: error.message }));
}

const isRunning = (job: Obj) => get(job, 'status') === 'running';

function stageLabel(stage: unknown): string {
  const key = `reportStage.${String(stage ?? '')}`;
  return hasMessage(key) ? t(key) : String(stage ?? '');
}

/** "#3 ICER – running (42 %, QALYs and bootstrap)" and, when done, the links. */
function reportLine(report: Obj): (Node | string)[] {
  const links = get<Obj>(report, 'links');
  const status = isRunning(report)
    ? t('reports.progress', { status: jobStatusLabel('running'), percent: Number(get(report, 'percent') ?? 0), stage: stageLabel(get(report, 'stage')) })
    : jobStatusLabel(get(report, 'status'));
  return [
    `#${get(report, 'id')} ${String(get(report, 'kind') ?? '').toUpperCase()} – `,
    h('span', { class: 'job-status', 'data-status': String(get(report, 'status')) }, status),
    get(report, 'error') ? ` ${String(get(report, 'error'))}` : '',
    ...(links ? [' ', h('a', { href: String(get(links, 'html')) }, t('reports.report')), ' · ', h('a', { href: String(get(links, 'result')) }, 'result.json')] : []),
  ];
}

function exportKind(x: Obj): string {
  return get(get(x, 'options'), 'pidMode') === 'fresh' ? t('reports.exportFresh') : t('reports.exportKeyed');
}

function exportLine(x: Obj): (Node | string)[] {
  const participants = get(x, 'participants');
  const archive = get(x, 'archiveUrl');
  const files = list<Obj>(get(x, 'files') ?? []);
  const k = get(get(x, 'options'), 'k');
  return [
    `#${get(x, 'id')} – `,
    h('span', { class: 'job-status', 'data-status': String(get(x, 'status')) }, jobStatusLabel(get(x, 'status'))),
    ` (${exportKind(x)}; ${k === undefined ? '' : `${t('reports.exportK', { k: Number(k) })}; `}${participants === undefined || participants === null ? '–' : t('reports.exportParticipants', { count: Number(participants) })}) `,
    ...(archive ? [h('a', { href: String(archive), class: 'export-archive' }, t('reports.exportArchive')), ' '] : []),
    ...(files.length
      ? [h('details', { class: 'export-files' }, h('summary', {}, t('reports.exportFiles', { count: files.length })),
        ...files.flatMap((f) => [h('a', { href: String(get(f, 'url')) }, String(get(f, 'name'))), ' ']))]
      : []),
  ];
}

function jobList(jobs: Obj[], line: (job: Obj) => (Node | string)[], url: (id: unknown) => string, key: string): HTMLElement {
  return h('ul', { class: 'jobs' }, ...jobs.map((job) => {
    const item = h('li', { 'data-job': String(get(job, 'id')) }, ...line(job));
    if (isRunning(job)) followJob(item, url(get(job, 'id')), (a) => (get<Obj>(a, key) ?? a) as Obj, isRunning, line);
    return item;
  }));
}

function startButton(label: string, url: string, status: HTMLElement, body: () => unknown, after: () => void): HTMLElement {
  const button = h('button', { type: 'button' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await send('POST', url, body());
      status.textContent = t('reports.started');
      after();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status.textContent = problemText(e);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function pidModeChoice(): { root: HTMLElement; value: () => string } {
  const option = (value: string, label: string, checked: boolean) => {
    const input = h('input', { type: 'radio', name: 'pid-mode', id: `pid-mode-${value}`, value, checked });
    return h('label', { for: `pid-mode-${value}`, class: 'radio' }, input, ` ${label}`);
  };
  const root = h('fieldset', { class: 'field' }, h('legend', {}, t('reports.pidMode')),
    option('keyed', t('reports.pidKeyed'), true), h('br'), option('fresh', t('reports.pidFresh'), false));
  return { root, value: () => root.querySelector<HTMLInputElement>('input:checked')?.value ?? 'keyed' };
}

/** The smallest cell shown (k): exports and reports withhold combinations of fewer people. */
function smallCellChoice(id: string): { root: HTMLElement; value: () => number } {
  const input = h('input', { type: 'number', id, min: 1, max: 100, step: 1, value: '5', inputmode: 'numeric' }) as HTMLInputElement;
  const root = h('div', { class: 'field' }, h('label', { for: id }, t('reports.k')), input, h('p', { class: 'hint' }, t('reports.kHint')));
  return { root, value: () => Number(input.value) };
}

/**
 * The settings of one ICER run: missing-data method, discount rate and the
 * willingness-to-pay values per QALY (the first is the reference); anything
 * left empty keeps the analysis default (docs/analysis.md). The server
 * checks every value and names the one that is wrong.
 */
function icerChoice(): { root: HTMLElement; value: () => Obj } {
  const missing = h('select', { id: 'icer-missing' },
    h('option', { value: 'complete-case' }, t('reports.missingCompleteCase')),
    h('option', { value: 'multiple-imputation' }, t('reports.missingImputation'))) as HTMLSelectElement;
  const discount = h('input', { type: 'number', id: 'icer-discount', min: 0, max: 99, step: 0.5, value: String(DEFAULT_SETTINGS.discountRate * 100), inputmode: 'decimal' }) as HTMLInputElement;
  const wtp = h('input', { type: 'text', id: 'icer-wtp', value: DEFAULT_SETTINGS.wtp.qaly.join(', '), size: 40, inputmode: 'numeric' }) as HTMLInputElement;
  const k = smallCellChoice('icer-k');
  const root = h('fieldset', { class: 'field', id: 'icer-settings' }, h('legend', {}, t('reports.icerSettings')),
    h('div', { class: 'field' }, h('label', { for: 'icer-missing' }, t('reports.missing')), missing),
    h('div', { class: 'field' }, h('label', { for: 'icer-discount' }, t('reports.discount')), discount),
    h('div', { class: 'field' }, h('label', { for: 'icer-wtp' }, t('reports.wtp')), wtp, h('p', { class: 'hint' }, t('reports.wtpHint'))),
    k.root);
  const value = (): Obj => {
    const settings: Obj = { missing: missing.value };
    if (discount.value.trim() !== '') settings.discountRate = Number(discount.value) / 100;
    const values = wtp.value.split(/[;,]/).map((v) => v.replace(/\s/g, '')).filter((v) => v !== '');
    if (values.length) settings.wtp = { qaly: values.map(Number) };
    return { k: k.value(), settings, lang: language() };
  };
  return { root, value };
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
    : jobList(reports, reportLine, (id) => `/api/reports/${encodeURIComponent(String(id))}`, 'report');
  const exportList = exports === null ? null : exports instanceof Error ? note(exports) : exports.length === 0 ? h('p', { class: 'hint' }, t('reports.noExport'))
    : jobList(exports, exportLine, (id) => `/api/exports/${encodeURIComponent(String(id))}`, 'export');
  const pidMode = pidModeChoice();
  const exportK = smallCellChoice('export-k');
  const icer = icerChoice();
  replace(main, h('h1', {}, t('reports.title')),
    section(t('reports.trialFlow'), h('p', {}, h('a', { href: '#/consort' }, t('reports.consortLink')), t('reports.consortNote'))),
    canMake ? section(t('reports.funder'), h('p', {}, h('a', { href: `/api/reports/funder?format=html&lang=${language()}` }, t('reports.funderHtml')), ' · ', h('a', { href: '/api/reports/funder?format=csv' }, t('reports.funderCsv'))), h('p', { class: 'hint' }, t('reports.funderHint'))) : null,
    section(t('reports.icer'), reportList, ...(canMake ? [icer.root, startButton(t('reports.computeIcer'), '/api/reports/icer', reportStatus, icer.value, again)] : []), reportStatus),
    exportList ? section(t('reports.exports'), h('p', { class: 'hint' }, t('reports.exportsHint')),
      exportList, pidMode.root, exportK.root, startButton(t('reports.makeExport'), '/api/exports', exportStatus, () => ({ pidMode: pidMode.value(), k: exportK.value() }), again), exportStatus) : null,
    user.role === 'admin' || user.role === 'data_monitor'
      ? section(t('reports.audit'), h('p', {}, h('a', { href: '/api/audit.csv' }, t('reports.auditLink')), t('reports.auditNote')))
      : null);
}
