/**
 * Instrument wording (admin; trial managers read it): the exact text of
 * EQ-5D and GSE belongs to their owners, so the study loads the version it
 * is licensed or permitted to use, per language (a JSON file of the shape of
 * the IPS_LICENSED_WORDING file, docs/instruments.md). The page shows where
 * the wording in use comes from, what is still missing per form and language
 * (outside the demo the tablet refuses a form whose text is missing in the
 * tablet's language), loads a new file, and lists every earlier load.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { formatDate, language } from '../i18n';
import { problemText } from '../problem-text';
import type { RouteContext } from '../routes';
import { get, getJson, list, send } from '../staff-api';
import { t } from '../texts/index';

type Obj = Record<string, unknown>;
const LANGUAGE_NAMES = { sv: 'svenska', da: 'dansk', en: 'English' } as Record<string, string>;
const PATH = '/api/instrument-wording';

function originLine(status: Obj): string {
  const origin = get(status, 'origin');
  if (origin === 'file') return t('wording.fromFile', { source: String(get(status, 'source')) });
  if (origin === 'study') {
    return t('wording.fromStudy', { source: String(get(status, 'source')), who: String(get(status, 'loadedBy') ?? '–'), date: formatDate(String(get(status, 'loadedAt')).slice(0, 10)) });
  }
  return t('wording.none');
}

function completenessTable(status: Obj): HTMLElement {
  const rows = list<Obj>(status, 'completeness');
  const formNames = [...new Set(rows.map((r) => String(get(r, 'form'))))];
  const languages = [...new Set(rows.map((r) => String(get(r, 'language'))))];
  const required = new Set(list<string>(status, 'requiredLanguages'));
  return h('table', { class: 'data', id: 'wording-completeness' },
    h('caption', {}, t('wording.completeness')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('wording.form')),
      ...languages.map((l) => h('th', { scope: 'col' }, `${LANGUAGE_NAMES[l] ?? l}${required.has(l) ? ' *' : ''}`)))),
    h('tbody', {}, ...formNames.map((form) => h('tr', {},
      h('th', { scope: 'row' }, getForm(form)?.labels[language()] ?? form),
      ...languages.map((l) => {
        const cell = rows.find((r) => get(r, 'form') === form && get(r, 'language') === l)!;
        const missing = list<string>(cell, 'missing').length;
        return h('td', { 'data-form': form, 'data-language': l, 'data-complete': String(get(cell, 'complete')) },
          get(cell, 'complete') ? t('wording.complete') : t('wording.missing', { count: missing }));
      })))));
}

function loader(again: () => void): HTMLElement {
  const file = h('input', { type: 'file', id: 'wording-file', accept: 'application/json,.json' }) as HTMLInputElement;
  const status = h('div', { role: 'status', id: 'wording-load-status' });
  const button = h('button', { type: 'button' }, t('wording.load'));
  button.addEventListener('click', async () => {
    const chosen = file.files?.[0];
    if (!chosen) { replace(status, h('p', { class: 'error' }, t('wording.chooseFile'))); return; }
    let body: unknown;
    try {
      body = JSON.parse(await chosen.text());
    } catch {
      replace(status, h('p', { class: 'error' }, t('wording.notJson', { name: chosen.name })));
      return;
    }
    button.disabled = true;
    try {
      await send('PUT', PATH, body);
      again();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // the file's problems name its own keys (forms.gse.fields.gse_01 …): shown as they are, for whoever fixes the file
      replace(status, h('p', { class: 'error' }, problemText(error)),
        error.fields.length ? h('ul', { class: 'problems' }, ...error.fields.map((f) => h('li', {}, h('code', {}, f.message)))) : null);
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'card' }, h('h2', {}, t('wording.loadTitle')), h('p', { class: 'hint' }, t('wording.loadHint')),
    h('div', { class: 'field' }, h('label', { for: 'wording-file' }, t('wording.file')), file), h('p', { class: 'actions' }, button), status);
}

export async function render(main: HTMLElement, context: RouteContext): Promise<void> {
  const again = () => void render(main, context);
  const status = get<Obj>(await getJson(PATH), 'wording')!;
  const history = list<Obj>(status, 'history');
  const canLoad = context.user.role === 'admin' && get(status, 'origin') !== 'file';
  replace(main, h('h1', {}, t('route.instrument-wording')),
    h('p', { class: 'hint' }, t('wording.intro')),
    h('section', { class: 'card' }, h('h2', {}, t('wording.inUse')),
      h('p', { id: 'wording-origin' }, originLine(status)),
      get(status, 'demo') ? h('p', { class: 'hint' }, t('wording.demo')) : h('p', { class: 'hint' }, t('wording.required', { languages: list<string>(status, 'requiredLanguages').map((l) => LANGUAGE_NAMES[l] ?? l).join(', ') })),
      completenessTable(status)),
    canLoad ? loader(again) : null,
    history.length
      ? h('section', { class: 'card' }, h('h2', {}, t('wording.history')),
        h('ul', { id: 'wording-history' }, ...history.map((row) => h('li', {},
          `${formatDate(String(get(row, 'loadedAt')).slice(0, 10))} – ${String(get(row, 'source'))} (${String(get(row, 'loadedBy') ?? '–')}; SHA-256 ${String(get(row, 'sha256')).slice(0, 12)}…)`))))
      : null);
}
