/**
 * Staff forms rendered from the data dictionary (screening, referral,
 * consent, identity, time logs, fidelity …): a labelled control per field,
 * `showWhen` conditions applied as the user fills in, values read back in
 * the JSON types the API validates (numbers, booleans, code strings), and the
 * server's field errors shown next to their fields.
 */
import type { Field, Form, Language } from '../../data-dictionary/types';
import { h, replace } from '../modules/dom';
import { language } from './i18n';
import { t } from './texts/index';

type Value = string | number | boolean | (string | number)[];
export type Values = Record<string, Value>;

export interface FieldsView {
  root: HTMLElement;
  read(): Values;
  showErrors(errors: { field: string; message: string }[]): void;
}

/** A field shown as a group of radio buttons or check boxes (a fieldset with a legend). */
const isGroupField = (field: Field) => field.type === 'boolean' || field.type === 'multi_choice' || (field.type === 'choice' && (field.choices?.length ?? 0) <= 3);
/** The choices in the dictionary's order; a long coded list (the municipalities) by its label in the chosen language. */
function sortedChoices(field: Field, lang: Language): NonNullable<Field['choices']> {
  const choices = field.choices ?? [];
  return choices.length > 20 ? [...choices].sort((a, b) => a.labels[lang].localeCompare(b.labels[lang], lang)) : choices;
}

function control(field: Field, id: string, lang: Language, value: Value | undefined): HTMLElement {
  const describedBy = `${id}-error`;
  if (field.type === 'multi_choice') {
    const chosen = Array.isArray(value) ? value.map(String) : [];
    return h('div', { class: 'check-list' }, ...(field.choices ?? []).map((c, i) => {
      const input = h('input', { type: 'checkbox', name: id, id: `${id}-${i}`, value: String(c.code) });
      input.checked = chosen.includes(String(c.code));
      return h('label', { for: `${id}-${i}`, class: 'radio' }, input, ` ${c.labels[lang]}`);
    }));
  }
  if (field.type === 'boolean' || (field.type === 'choice' && (field.choices?.length ?? 0) <= 3)) {
    const options = field.type === 'boolean'
      ? [{ code: 'true', label: t('common.yes') }, { code: 'false', label: t('common.no') }]
      : (field.choices ?? []).map((c) => ({ code: String(c.code), label: c.labels[lang] }));
    return h('div', { class: 'radio-row' }, ...options.map((o, i) => {
      const input = h('input', { type: 'radio', name: id, id: `${id}-${i}`, value: o.code });
      input.checked = value !== undefined && String(value) === o.code;
      return h('label', { for: `${id}-${i}`, class: 'radio' }, input, ` ${o.label}`);
    }));
  }
  if (field.type === 'choice') {
    const select = h('select', { id, name: field.name, 'aria-describedby': describedBy },
      h('option', { value: '' }, '—'),
      ...sortedChoices(field, lang).map((c) => h('option', { value: String(c.code) }, c.labels[lang])));
    select.value = value === undefined ? '' : String(value);
    return select;
  }
  if (field.type === 'notes') {
    const area = h('textarea', { id, name: field.name, rows: 3, maxlength: field.maxLength, 'aria-describedby': describedBy });
    area.value = typeof value === 'string' ? value : '';
    return area;
  }
  const type = field.type === 'integer' || field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : field.type === 'email' ? 'email' : 'text';
  const input = h('input', { id, name: field.name, type, min: field.min, max: field.max, step: field.type === 'integer' ? 1 : field.type === 'number' ? 'any' : undefined, maxlength: field.maxLength, 'aria-describedby': describedBy, autocomplete: 'off' });
  if (value !== undefined) input.value = String(value);
  return input;
}

function readField(root: HTMLElement, field: Field, id: string): Value | undefined {
  if (field.type === 'multi_choice') {
    const codes = [...root.querySelectorAll<HTMLInputElement>(`input[name="${id}"]:checked`)].map((el) => field.choices?.find((c) => String(c.code) === el.value)?.code).filter((c): c is string | number => c !== undefined);
    return codes.length ? codes : undefined;
  }
  if (field.type === 'boolean' || (field.type === 'choice' && (field.choices?.length ?? 0) <= 3)) {
    const checked = root.querySelector<HTMLInputElement>(`input[name="${id}"]:checked`);
    if (!checked) return undefined;
    if (field.type === 'boolean') return checked.value === 'true';
    return field.choices?.find((c) => String(c.code) === checked.value)?.code;
  }
  const el = root.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${id}`);
  const text = el?.value.trim() ?? '';
  if (text === '') return undefined;
  if (field.type === 'choice') return field.choices?.find((c) => String(c.code) === text)?.code;
  if (field.type === 'integer' || field.type === 'number') return Number(text);
  return text;
}

/** Renders `form`'s fields (or the named subset) with `values` filled in. */
export function renderFields(form: Form, options: { lang?: Language; values?: Values; only?: string[]; prefix?: string } = {}): FieldsView {
  const lang = options.lang ?? language();
  const prefix = options.prefix ?? form.name;
  const fields = form.fields.filter((f) => f.type !== 'descriptive' && (!options.only || options.only.includes(f.name)));
  const rows = new Map<string, { row: HTMLElement; error: HTMLElement }>();
  const root = h('div', { class: 'fields' });
  for (const field of fields) {
    const id = `${prefix}-${field.name}`;
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    const isGroup = isGroupField(field);
    const label = `${field.labels[lang]}${field.required ? ' *' : ''}`;
    const row = isGroup
      ? h('fieldset', { class: 'field', 'data-field': field.name, 'aria-describedby': `${id}-error` }, h('legend', {}, label), control(field, id, lang, options.values?.[field.name]), error)
      : h('div', { class: 'field', 'data-field': field.name }, h('label', { for: id }, label), control(field, id, lang, options.values?.[field.name]), error);
    rows.set(field.name, { row, error });
    root.append(row);
  }
  const read = (): Values => {
    const values: Values = {};
    for (const field of fields) {
      if (rows.get(field.name)!.row.hidden) continue;
      const value = readField(root, field, `${prefix}-${field.name}`);
      if (value !== undefined) values[field.name] = value;
    }
    return values;
  };
  const applyConditions = () => {
    const values = read();
    for (const field of fields) {
      if (!field.showWhen) continue;
      const shown = values[field.showWhen.field] === field.showWhen.equals;
      rows.get(field.name)!.row.hidden = !shown;
    }
  };
  root.addEventListener('change', applyConditions);
  applyConditions();
  return {
    root,
    read,
    showErrors(errors) {
      for (const { error } of rows.values()) replace(error);
      for (const problem of errors) {
        const target = rows.get(problem.field.replace(/^\//, '').split('/')[0]);
        if (target) target.error.textContent = problem.message;
      }
    },
  };
}
