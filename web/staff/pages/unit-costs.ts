/**
 * The study's unit costs (routes/unit-costs.ts): every cost item with its
 * unit cost in SEK, price year and source (the default table until an admin
 * changes a row); admins change a row or add one (form `unit_cost`), with a
 * reason when the row exists. Items the service-use questionnaire asks about
 * are named by the data dictionary's labels.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { fieldLabel, formLabel } from '../labels';
import { formatNumber, language } from '../i18n';
import type { RouteContext } from '../routes';
import { t } from '../texts/index';
import { getJson, paths, send } from '../staff-api';
import { refusal } from './users';

interface Row { item: string; unit_cost: number; price_year: number | null; source: string | null }

/** The dictionary's label of the service-use question priced by `item`, else the item itself. */
function itemLabel(item: string): string {
  const field = getForm('service_use')?.fields.find((f) => (f.costItem ?? f.name) === item);
  return field ? `${field.labels[language()]} (${item})` : item;
}

function table(costs: Row[]): HTMLElement {
  const heads = [t('unitCosts.item'), fieldLabel('unit_cost', 'unit_cost'), fieldLabel('unit_cost', 'price_year'), fieldLabel('unit_cost', 'source')];
  return h('table', { class: 'data', id: 'unit-costs-table' }, h('caption', {}, t('unitCosts.list')),
    h('thead', {}, h('tr', {}, ...heads.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...costs.map((c) => h('tr', { 'data-item': c.item },
      h('td', {}, itemLabel(c.item)), h('td', { class: 'cost' }, formatNumber(c.unit_cost)),
      h('td', { class: 'year' }, c.price_year === null ? '–' : String(c.price_year)), h('td', {}, c.source ?? '–')))));
}

export async function render(main: HTMLElement, context: RouteContext): Promise<void> {
  const answer = await getJson<{ origin: 'default' | 'study'; costs: Row[] }>(paths.unitCosts);
  const intro = h('p', { class: 'hint', id: 'unit-costs-origin' }, answer.origin === 'default' ? t('unitCosts.default') : t('unitCosts.study'));
  if (context.user.role !== 'admin') return replace(main, h('h1', {}, t('unitCosts.title')), intro, h('section', { class: 'card' }, table(answer.costs)));

  const NEW = '';
  const item = h('select', { id: 'unit-cost-item' }, ...answer.costs.map((c) => h('option', { value: c.item }, itemLabel(c.item))), h('option', { value: NEW }, t('unitCosts.newItem')));
  const newItem = h('input', { id: 'unit-cost-new-item', type: 'text', maxlength: 60, pattern: '[a-z][a-z0-9_]*(:[a-z0-9_]+)?' });
  const newRow = h('div', { class: 'field' }, h('label', { for: 'unit-cost-new-item' }, t('unitCosts.newItemKey')), newItem);
  const input = (name: string, type: string) => h('input', { id: `unit-cost-${name}`, name, type, step: type === 'number' ? 'any' : undefined });
  const cost = input('unit_cost', 'number');
  const year = input('price_year', 'number');
  const source = input('source', 'text');
  const reason = input('reason', 'text');
  const fill = () => {
    const row = answer.costs.find((c) => c.item === item.value);
    newRow.hidden = item.value !== NEW;
    cost.value = row ? String(row.unit_cost) : '';
    year.value = row?.price_year ? String(row.price_year) : '';
    source.value = row?.source ?? '';
  };
  item.addEventListener('change', fill);
  fill();
  const error = h('p', { class: 'error', role: 'alert' });
  const field = (el: HTMLInputElement, name: string) => h('div', { class: 'field' }, h('label', { for: el.id }, fieldLabel('unit_cost', name)), el);
  const form = h('form', { class: 'card', id: 'unit-cost-form', novalidate: true }, h('h2', {}, formLabel('unit_cost')),
    h('div', { class: 'field' }, h('label', { for: 'unit-cost-item' }, t('unitCosts.item')), item), newRow,
    field(cost, 'unit_cost'), field(year, 'price_year'), field(source, 'source'), field(reason, 'reason'), error,
    h('button', { type: 'submit', class: 'primary' }, t('unitCosts.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const key = item.value === NEW ? newItem.value.trim() : item.value;
    const body: Record<string, unknown> = { unit_cost: cost.value === '' ? undefined : Number(cost.value), price_year: year.value === '' ? undefined : Number(year.value), source: source.value };
    if (reason.value.trim()) body.reason = reason.value.trim();
    try {
      await send('PUT', paths.unitCost(key), body);
      await render(main, context);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      error.textContent = refusal(e);
    }
  });
  replace(main, h('h1', {}, t('unitCosts.title')), intro, h('section', { class: 'card' }, table(answer.costs)), form);
}
