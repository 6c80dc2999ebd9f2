/**
 * Validation of a submitted answer object against its form, with ajv on the
 * generated JSON Schema (compiled once per form and mode, then cached).
 * Errors name the field and say what is wrong in plain English, built from
 * the dictionary rather than ajv's wording.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { forms as allForms } from './index';
import { formSchema } from './schema';
import type { Field, Form } from './types';

export interface FieldError {
  /** the field name; '' for the answer object as a whole */
  field: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

// ajv-formats is CommonJS with a default export; under ESM interop it can arrive wrapped.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv) => Ajv;

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
// Keyed by the form object, so forms with licensed wording laid over them (new objects) get their own entry.
const cache = new WeakMap<Form, { full?: ValidateFunction; partial?: ValidateFunction }>();

function compiled(form: Form, partial: boolean): ValidateFunction {
  const entry = cache.get(form) ?? {};
  cache.set(form, entry);
  const mode = partial ? 'partial' : 'full';
  return (entry[mode] ??= ajv.compile(formSchema(form, { partial })));
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  text: 'text',
  notes: 'text',
  email: 'an email address',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date and time (ISO 8601)',
  boolean: 'true or false',
  multi_choice: 'a list of choices',
};

function codes(field: Field | undefined): string {
  const all = (field?.choices ?? []).map((c) => String(c.code));
  // a long coded list (the municipalities) is named by its first codes, not printed whole
  return all.length > 20 ? `the ${all.length} codes of the data dictionary's list (such as ${all.slice(0, 3).join(', ')})` : all.join(', ');
}

function describe(error: ErrorObject, form: Form): FieldError | undefined {
  if (error.keyword === 'additionalProperties') {
    return { field: String(error.params.additionalProperty), message: `unknown field '${String(error.params.additionalProperty)}'` };
  }
  if (error.keyword === 'required') {
    const name = String(error.params.missingProperty);
    return { field: name, message: `${name} is required` };
  }
  if (error.keyword === 'if') return undefined; // the failing `then` is reported by its own error
  const [name = '', index] = error.instancePath.split('/').slice(1);
  if (name === '') return { field: '', message: 'the answers must be an object of field names and values' };
  const field = form.fields.find((f) => f.name === name);
  const subject = index !== undefined ? `each choice of ${name}` : name;
  switch (error.keyword) {
    case 'not':
      return { field: name, message: `${name} is required` };
    case 'enum':
      return { field: name, message: `${subject} must be one of ${codes(field)}` };
    case 'type':
    case 'format':
      return { field: name, message: `${name} must be ${TYPE_WORDS[field?.type ?? ''] ?? 'valid'}` };
    case 'minimum':
      return { field: name, message: `${name} must be at least ${field?.min}` };
    case 'maximum':
      return { field: name, message: `${name} must be at most ${field?.max}` };
    case 'maxLength':
      return { field: name, message: `${name} must be at most ${field?.maxLength} characters` };
    case 'pattern':
      return { field: name, message: `${name} is not in the expected format${field?.note ? ` (${field.note})` : ''}` };
    case 'uniqueItems':
      return { field: name, message: `${name} lists a choice twice` };
    default:
      return { field: name, message: `${name} is not valid` };
  }
}

/** One-line text fields (type `text`) refuse tabs and line breaks; `notes` may run over several lines. */
function multiLineTextErrors(form: Form, body: unknown): FieldError[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const values = body as Record<string, unknown>;
  return form.fields
    .filter((f) => f.type === 'text' && typeof values[f.name] === 'string' && /[\t\n\r]/.test(values[f.name] as string))
    .map((f) => ({ field: f.name, message: `${f.name} must be one line (no line breaks or tabs)` }));
}

/**
 * Check an answer object against a form. `partial: true` checks only the
 * fields present and requires none; otherwise required fields must be there.
 * Unknown form names are a programmer error and throw.
 */
export function validateForm(
  formName: string,
  body: unknown,
  options: { partial?: boolean; forms?: readonly Form[] } = {},
): ValidationResult {
  const form = (options.forms ?? allForms).find((f) => f.name === formName);
  if (!form) throw new Error(`validateForm: unknown form '${formName}'`);
  const validate = compiled(form, options.partial ?? false);
  const lines = multiLineTextErrors(form, body);
  if (validate(body) && lines.length === 0) return { ok: true, value: { ...(body as Record<string, unknown>) } };
  const errors: FieldError[] = [...lines];
  const seen = new Set<string>(lines.map((e) => `${e.field}\u0000${e.message}`));
  for (const error of validate.errors ?? []) {
    const described = describe(error, form);
    if (!described) continue;
    const key = `${described.field}\u0000${described.message}`;
    if (!seen.has(key)) errors.push(described);
    seen.add(key);
  }
  return { ok: false, errors };
}
