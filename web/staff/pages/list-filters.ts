/**
 * Filter controls of the worklist and the participants list: a labelled
 * select per filter, its value kept in the page's hash query
 * (#/worklist?site=ORE-AFF&state=overdue) so a filtered list can be linked
 * (the dashboard's counts do) and survives a reload. Changing a filter
 * rewrites the hash without a page jump (history.replaceState) and calls
 * `onChange` to redraw the list only.
 */
import { h } from '../../modules/dom';
import { t } from '../texts/index';

export interface FilterSpec {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

/** The filter bar; `values` is read and written in place. */
export function filterBar(route: string, specs: FilterSpec[], values: URLSearchParams, onChange: () => void, extra: HTMLElement[] = []): HTMLElement {
  const controls = specs.map((spec) => {
    const id = `filter-${spec.name}`;
    const select = h('select', { id, name: spec.name },
      h('option', { value: '' }, t('list.any')), ...spec.options.map((o) => h('option', { value: o.value }, o.label)));
    select.value = values.get(spec.name) ?? '';
    select.addEventListener('change', () => {
      if (select.value) values.set(spec.name, select.value);
      else values.delete(spec.name);
      values.delete('page');
      keepInHash(route, values);
      onChange();
    });
    return h('div', { class: 'field' }, h('label', { for: id }, spec.label), select);
  });
  return h('form', { class: 'filters', role: 'search', onsubmit: (e: Event) => e.preventDefault() }, ...extra, ...controls);
}

/** Writes the filters into the hash without firing a new page render. */
export function keepInHash(route: string, values: URLSearchParams): void {
  const query = values.toString();
  history.replaceState(null, '', `#/${route}${query ? `?${query}` : ''}`);
}
