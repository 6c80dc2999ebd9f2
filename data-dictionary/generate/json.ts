/**
 * The dictionary as JSON: forms with their keys in one canonical order, so a
 * form file written by `dictionary import --out` reads like a hand-written
 * one and diffs cleanly.
 */
import { LANGUAGES, type Choice, type Field, type Form, type Labels } from '../types';

const FORM_KEYS = ['name', 'kind', 'labels', 'partTitle', 'instrument', 'timepoints', 'alternativeTo', 'sections', 'fields'] as const;
const FIELD_KEYS = [
  'name', 'labels', 'question', 'type', 'choices', 'min', 'max', 'pattern', 'maxLength', 'required', 'identifier',
  'timepoints', 'unit', 'citation', 'showWhen', 'section', 'costItem', 'dontKnow', 'note', 'workingAge',
] as const;

function pick<T extends object>(source: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  const record = source as Record<string, unknown>;
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  for (const key of Object.keys(record)) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out as T;
}

const labels = (l: Labels): Labels => Object.fromEntries(LANGUAGES.map((lang) => [lang, l[lang]])) as Labels;
const choice = (c: Choice): Choice => ({ code: c.code, labels: labels(c.labels), ...(c.answer ? { answer: labels(c.answer) } : {}) });

export function canonicalField(field: Field): Field {
  return pick({ ...field, labels: labels(field.labels), question: field.question && labels(field.question), choices: field.choices?.map(choice) }, FIELD_KEYS);
}

export function canonicalForm(form: Form): Form {
  return pick({
    ...form,
    labels: labels(form.labels),
    partTitle: form.partTitle && labels(form.partTitle),
    sections: form.sections?.map((s) => ({ id: s.id, labels: labels(s.labels) })),
    fields: form.fields.map(canonicalField),
  }, FORM_KEYS);
}

/** One form file's text (2-space JSON with a final newline). */
export function formFileText(form: Form): string {
  return `${JSON.stringify(canonicalForm(form), null, 2)}\n`;
}

/** The whole dictionary as one JSON document. */
export function dictionaryJson(forms: readonly Form[]): string {
  return `${JSON.stringify({ forms: forms.map(canonicalForm) }, null, 2)}\n`;
}
