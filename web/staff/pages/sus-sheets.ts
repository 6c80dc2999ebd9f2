/**
 * SUS sheets, printable: one sheet per participant (a page each when
 * printed) with the values to enter into SUS in SUS's order — the start
 * registration, then the end registration — labelled from the data
 * dictionary in the chosen language. The identity number appears only for
 * a participant who consented and for a role that may read it; an anonymous
 * participant's sheet gives sex and age group. #/sus-sheets?participants=A,B
 */
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { getField } from '../../../data-dictionary/index';
import { SUS_FORM, type SusKind } from '../../../data-dictionary/sus';
import { formatDate } from '../i18n';
import { choiceLabel, fieldLabel } from '../labels';
import { problemText } from '../problem-text';
import type { RouteContext } from '../routes';
import { get, getJson, list, paths, send } from '../staff-api';
import { t, type MessageKey } from '../texts/index';
import { susStateLabel } from './sus';

type Obj = Record<string, unknown>;
interface Entry { field: string; value: unknown }

/** A value as it is entered into SUS: dates, yes/no, percentages of full time, choice labels. */
export function susValue(form: string, field: string, value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return `– (${t('sus.missingValue')})`;
  const type = getField(form, field)?.type;
  if (type === 'date') return formatDate(value);
  if (type === 'boolean') return value ? t('common.yes') : t('common.no');
  if (type === 'multi_choice') return (value as unknown[]).map((code) => choiceLabel(form, field, code)).join('; ');
  if (type === 'choice') return choiceLabel(form, field, value);
  if (field.endsWith('_pct')) return t('sus.percent', { value: Number(value) });
  return String(value);
}

function registration(sheet: Obj, kind: SusKind, onChange: () => void): HTMLElement {
  const part = get<Obj>(sheet, kind)!;
  const entries = get<Entry[] | null>(part, 'entries');
  const title = h('h3', {}, t(kind === 'start' ? 'sus.startRegistration' : 'sus.endRegistration'), ' – ', susStateLabel(get(part, 'state')));
  if (!entries) return h('div', { class: `sus-${kind}` }, title, h('p', { class: 'hint' }, get(part, 'state') === 'not_due' ? '–' : t('sus.notCaptured')));
  const form = SUS_FORM[kind];
  const rows = entries.map((e, i) => h('tr', { 'data-field': e.field },
    h('td', {}, String(i + 1)), h('th', { scope: 'row' }, fieldLabel(form, e.field)), h('td', {}, susValue(form, e.field, e.value))));
  const enteredOn = get<string | null>(part, 'enteredOn');
  const error = h('p', { class: 'error', role: 'alert' });
  let mark: HTMLElement | null = null;
  if (enteredOn) mark = h('p', {}, t('sus.enteredOn', { date: formatDate(enteredOn) }));
  else if (get(part, 'state') === 'not_entered') {
    const button = h('button', { type: 'button', class: 'no-print' }, t('sus.markEntered'));
    button.addEventListener('click', async () => {
      try {
        const today = new Date();
        const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
        await send('PUT', `${paths.sus(String(get(sheet, 'studyId')))}/${kind}/entered`, { entered_on: local });
        onChange();
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        error.textContent = problemText(e);
      }
    });
    mark = h('p', {}, button);
  }
  return h('div', { class: `sus-${kind}` }, title,
    h('table', { class: 'data sus-entries' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, t('sus.field')), h('th', { scope: 'col' }, t('sus.value')))), h('tbody', {}, ...rows)),
    mark, error);
}

function person(sheet: Obj): HTMLElement {
  const consent = get(sheet, 'consent');
  const nationalId = get<{ kind: string; value: string } | null>(sheet, 'nationalId');
  const facts: [string, string][] = [[t('common.site'), String(get(sheet, 'site'))]];
  if (consent === true) {
    facts.push([t(`sus.nationalId.${nationalId?.kind === 'DK' ? 'DK' : 'SE'}` as MessageKey), nationalId ? nationalId.value : t('sus.withheld')]);
  }
  facts.push([t('sus.sex'), get(sheet, 'sex') ? choiceLabel('baseline', 'sex', get(sheet, 'sex')) : `– (${t('sus.missingValue')})`]);
  facts.push([t('sus.ageGroup'), get(sheet, 'ageGroup') ? t('sus.years', { range: String(get(sheet, 'ageGroup')) }) : `– (${t('sus.missingValue')})`]);
  return h('div', {},
    consent === false ? h('p', { class: 'sus-anonymous' }, t('sus.anonymous')) : consent === null ? h('p', { class: 'hint' }, t('sus.consentUnknown')) : null,
    h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

export async function render(main: HTMLElement, context: RouteContext): Promise<void> {
  const ids = context.query?.get('participants') ?? '';
  const sheets = list<Obj>(await getJson(`${paths.susSheets}?participants=${encodeURIComponent(ids)}`), 'sheets');
  const redraw = () => void render(main, context);
  const print = h('button', { type: 'button', class: 'primary', id: 'sus-print' }, t('sus.printNow'));
  print.addEventListener('click', () => window.print());
  replace(main,
    h('div', { class: 'no-print' }, h('h1', {}, t('sus.sheetsTitle')), h('p', {}, h('a', { href: '#/sus' }, t('sus.back'))), h('p', {}, print)),
    ...sheets.map((sheet) => h('article', { class: 'card sus-sheet', 'data-study-id': String(get(sheet, 'studyId')) },
      h('h2', {}, t('sus.sheetTitle', { studyId: String(get(sheet, 'studyId')) })),
      person(sheet), registration(sheet, 'start', redraw), registration(sheet, 'end', redraw))));
}
