/**
 * Integrity rules of the data dictionary, as one pure function. The loader
 * (`index.ts`) refuses a dictionary that breaks them, and the REDCap import
 * runs them on what it read, so a hand-edited form file or CSV cannot slip
 * in an ambiguous name or an unlabelled choice.
 */
import { FIELD_TYPES, LANGUAGES, type Field, type Form, type Labels } from './types';

export const NAME_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
export const MAX_NAME_LENGTH = 26;
export const TIMEPOINTS: readonly number[] = [0, 6, 12, 18, 24];
/** Reserved: the REDCap record-id column added by the REDCap export. */
export const RECORD_ID_FIELD = 'pid';
const STRING_CODE = /^[a-z][a-z0-9_]*$/;

function checkLabels(labels: Labels | undefined, where: string, out: string[]): void {
  for (const lang of LANGUAGES) {
    const text = labels?.[lang];
    if (typeof text !== 'string' || text.trim() === '') out.push(`${where}: missing ${lang} label`);
    else if (/[\r\n]/.test(text)) out.push(`${where}: ${lang} label contains a line break`);
  }
}

function checkName(name: unknown, where: string, out: string[]): void {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) out.push(`${where}: name '${String(name)}' is not lower_snake`);
  else if (name.length > MAX_NAME_LENGTH) out.push(`${where}: name '${name}' is longer than ${MAX_NAME_LENGTH} characters`);
}

function checkChoices(field: Field, where: string, out: string[]): void {
  const hasChoices = field.type === 'choice' || field.type === 'multi_choice';
  if (!hasChoices) {
    if (field.choices !== undefined) out.push(`${where}: only choice fields have choices`);
    return;
  }
  if (!Array.isArray(field.choices) || field.choices.length === 0) {
    out.push(`${where}: a ${field.type} field needs choices`);
    return;
  }
  const seen = new Set<string>();
  for (const choice of field.choices) {
    const code = choice.code;
    const cw = `${where} choice ${String(code)}`;
    if (typeof code === 'number' ? !Number.isInteger(code) : typeof code !== 'string' || !STRING_CODE.test(code)) {
      out.push(`${cw}: a code is an integer or a lower_snake word`);
    }
    if (seen.has(String(code))) out.push(`${cw}: duplicate code`);
    seen.add(String(code));
    checkLabels(choice.labels, cw, out);
    if (choice.answer !== undefined) checkLabels(choice.answer, `${cw} answer`, out);
    for (const lang of LANGUAGES) if (choice.labels?.[lang]?.includes('|')) out.push(`${cw}: ${lang} label contains '|'`);
  }
}

function checkField(form: Form, field: Field, index: number, out: string[]): void {
  const where = `${form.name}.${field.name ?? `#${index + 1}`}`;
  checkName(field.name, `${form.name} field ${index + 1}`, out);
  if (field.name === RECORD_ID_FIELD) out.push(`${where}: '${RECORD_ID_FIELD}' is reserved for the record id`);
  if (!FIELD_TYPES.includes(field.type)) out.push(`${where}: unknown type '${String(field.type)}'`);
  checkLabels(field.labels, where, out);
  if (field.question !== undefined) checkLabels(field.question, `${where} question`, out);
  checkChoices(field, where, out);
  if (field.dontKnow !== undefined && (typeof field.dontKnow !== 'boolean' || !['boolean', 'choice', 'integer', 'number'].includes(field.type))) {
    out.push(`${where}: dontKnow is true or false, on boolean, choice, integer and number fields only`);
  }
  if (field.workingAge !== undefined && (typeof field.workingAge !== 'boolean' || field.type !== 'integer')) out.push(`${where}: workingAge is true or false, on an integer field only`);
  if (typeof field.required !== 'boolean') out.push(`${where}: required must be true or false`);
  if (typeof field.identifier !== 'boolean') out.push(`${where}: identifier must be true or false`);
  if ((field.min !== undefined || field.max !== undefined) && field.type !== 'integer' && field.type !== 'number') {
    out.push(`${where}: min/max apply to integer and number fields only`);
  }
  for (const key of ['min', 'max'] as const) {
    if (field[key] !== undefined && !Number.isFinite(field[key])) out.push(`${where}: ${key} must be a number`);
  }
  if (field.maxLength !== undefined && !(Number.isInteger(field.maxLength) && field.maxLength > 0)) {
    out.push(`${where}: maxLength must be a positive whole number`);
  }
  if (field.maxLength !== undefined && !['text', 'notes', 'email'].includes(field.type)) out.push(`${where}: maxLength applies to text fields only`);
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) out.push(`${where}: min is above max`);
  for (const key of ['note', 'citation', 'pattern', 'unit', 'costItem'] as const) {
    const text = field[key];
    if (text !== undefined && (typeof text !== 'string' || /[\r\n]/.test(text))) out.push(`${where}: ${key} must be one line of text`);
  }
  if (field.type === 'descriptive' && field.required) out.push(`${where}: a descriptive field cannot be required`);
  if (form.kind === 'research' && field.identifier) out.push(`${where}: research forms hold no identifiers`);
  for (const tp of field.timepoints ?? []) if (!TIMEPOINTS.includes(tp)) out.push(`${where}: unknown timepoint ${tp}`);
  if (field.section !== undefined && !form.sections?.some((s) => s.id === field.section)) {
    out.push(`${where}: unknown section '${field.section}'`);
  }
  if (field.showWhen) {
    const target = form.fields.slice(0, index).find((f) => f.name === field.showWhen?.field);
    const equals = field.showWhen.equals;
    if (!target) out.push(`${where}: showWhen names '${field.showWhen.field}', not an earlier field of the form`);
    else if (target.type === 'boolean' ? typeof equals !== 'boolean' : !target.choices?.some((c) => c.code === equals)) {
      out.push(`${where}: showWhen value ${JSON.stringify(equals)} is not a value of ${target.name}`);
    }
  }
}

/** Every problem of a list of forms, as readable lines; empty when sound. */
export function checkDictionary(forms: readonly Form[]): string[] {
  const out: string[] = [];
  const formNames = new Set<string>();
  const owner = new Map<string, Form>(); // field name → first non-system form using it
  for (const form of forms) {
    checkName(form.name, `form '${form.name}'`, out);
    if (formNames.has(form.name)) out.push(`form '${form.name}': duplicate form name`);
    formNames.add(form.name);
    if (!['research', 'operational', 'system'].includes(form.kind)) out.push(`form '${form.name}': unknown kind '${String(form.kind)}'`);
    checkLabels(form.labels, `form '${form.name}'`, out);
    if (form.partTitle !== undefined) checkLabels(form.partTitle, `form '${form.name}' partTitle`, out);
    for (const section of form.sections ?? []) checkLabels(section.labels, `${form.name} section ${section.id}`, out);
    // alternativeTo may name a form that is absent (a REDCap project holds one of the two)
    if (form.alternativeTo !== undefined) checkName(form.alternativeTo, `form '${form.name}' alternativeTo`, out);
    const inForm = new Set<string>();
    form.fields.forEach((field, index) => {
      checkField(form, field, index, out);
      if (inForm.has(field.name)) out.push(`${form.name}.${field.name}: duplicate field name in the form`);
      inForm.add(field.name);
      if (form.kind === 'system') return;
      const first = owner.get(field.name);
      if (!first) owner.set(field.name, form);
      else if (first !== form && first.name !== form.alternativeTo && form.name !== first.alternativeTo) {
        out.push(`${form.name}.${field.name}: field name already used in form '${first.name}'`);
      }
    });
  }
  return out;
}
