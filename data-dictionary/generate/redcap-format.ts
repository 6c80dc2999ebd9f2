/**
 * The REDCap data-dictionary format as ips-trial writes and reads it: the 18
 * columns, the field-type mapping, the choice syntax, branching logic and the
 * `@IPS-…` lines of the Field Annotation column that carry what REDCap has no
 * column for (the other two languages, unit, timepoints, citation, …).
 */
import type { Choice, FieldType, Language } from '../types';

/** REDCap's data-dictionary columns, named and ordered exactly as REDCap does. */
export const REDCAP_COLUMNS = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
] as const;

export type RedcapColumn = (typeof REDCAP_COLUMNS)[number];
export type RedcapRow = Record<RedcapColumn, string>;

/** Our field type → REDCap Field Type and Text Validation Type. */
export const TO_REDCAP: Record<FieldType, { type: string; validation: string }> = {
  integer: { type: 'text', validation: 'integer' },
  number: { type: 'text', validation: 'number' },
  text: { type: 'text', validation: '' },
  notes: { type: 'notes', validation: '' },
  date: { type: 'text', validation: 'date_ymd' },
  datetime: { type: 'text', validation: 'datetime_ymd' },
  boolean: { type: 'yesno', validation: '' },
  choice: { type: 'radio', validation: '' },
  multi_choice: { type: 'checkbox', validation: '' },
  email: { type: 'text', validation: 'email' },
  descriptive: { type: 'descriptive', validation: '' },
};

/** Every REDCap field type, so an import can tell "unknown" from "not supported". */
export const REDCAP_FIELD_TYPES = [
  'text', 'notes', 'dropdown', 'radio', 'checkbox', 'yesno', 'truefalse', 'descriptive',
  'calc', 'slider', 'file', 'sql',
];

/** REDCap Field Type (+ validation) → our field type, for the types we read. */
export function fromRedcapType(type: string, validation: string): FieldType | undefined {
  if (type === 'text') {
    const byValidation: Record<string, FieldType> = {
      '': 'text', integer: 'integer', number: 'number', date_ymd: 'date', datetime_ymd: 'datetime', email: 'email',
    };
    return byValidation[validation];
  }
  const byType: Record<string, FieldType> = {
    notes: 'notes', radio: 'choice', dropdown: 'choice', checkbox: 'multi_choice',
    yesno: 'boolean', truefalse: 'boolean', descriptive: 'descriptive',
  };
  return byType[type];
}

/** `1, label | 2, label` */
export function formatChoices(choices: readonly Choice[], lang: Language): string {
  return choices.map((c) => `${c.code}, ${c.labels[lang]}`).join(' | ');
}

/**
 * Parse REDCap choice syntax. Codes that are integers become numbers, so the
 * JSON type of a code survives the round trip. Returns an error message for
 * malformed text.
 */
export function parseChoices(text: string): { code: string | number; label: string }[] | string {
  const out: { code: string | number; label: string }[] = [];
  for (const part of text.split('|')) {
    const comma = part.indexOf(',');
    const raw = comma < 0 ? '' : part.slice(0, comma).trim();
    const label = comma < 0 ? '' : part.slice(comma + 1).trim();
    if (raw === '' || label === '') return `bad choice syntax '${part.trim()}' (expected 'code, label | code, label')`;
    if (!/^-?[0-9]+$/.test(raw) && !/^[A-Za-z0-9_]+$/.test(raw)) return `bad choice code '${raw}' (letters, digits and _ only)`;
    out.push({ code: /^-?[0-9]+$/.test(raw) ? Number(raw) : raw, label });
  }
  return out;
}

/** `[field] = 'value'`; booleans are REDCap's yes/no codes 1 and 0. */
export function formatBranching(showWhen: { field: string; equals: string | number | boolean } | undefined): string {
  if (!showWhen) return '';
  const value = typeof showWhen.equals === 'boolean' ? (showWhen.equals ? '1' : '0') : String(showWhen.equals);
  return `[${showWhen.field}] = '${value}'`;
}

export function parseBranching(text: string): { field: string; value: string } | undefined {
  const match = /^\[([a-z][a-z0-9_]*)\]\s*=\s*(?:'([^']*)'|"([^"]*)"|(-?[0-9]+))$/.exec(text.trim());
  if (!match) return undefined;
  return { field: match[1]!, value: match[2] ?? match[3] ?? match[4]! };
}

/** Field Annotation lines: `@IPS-KEY=value`, one per line. */
export function formatAnnotation(entries: [string, string | undefined][]): string {
  return entries
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([key, value]) => `@IPS-${key}=${value}`)
    .join('\n');
}

/** The `@IPS-KEY=value` lines of an annotation (other action tags are ignored). */
export function parseAnnotation(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^@IPS-([A-Z0-9-]+)(?:=(.*))?$/.exec(line.trim());
    if (match) out.set(match[1]!, match[2] ?? '');
  }
  return out;
}
