/**
 * Validation of the request bodies of trial operations. A body is an
 * envelope whose parts are forms of the data dictionary (e.g.
 * `{ site, referral: {…referral form…}, identity: {…participant_identity…} }`),
 * plus a few envelope fields (`reason`, ids). Each part is checked with
 * `validateForm`; every problem is reported at once with the field named as
 * "<part>.<field>", and nothing is saved when any part is wrong.
 */
import { validateForm } from '../../data-dictionary/validate';
import { problems, type FieldProblem } from '../errors';

export type Answers = Record<string, unknown>;

export interface EnvelopeSpec {
  /** part name → form name */
  forms?: Record<string, string>;
  /** part names that may be left out */
  optionalForms?: string[];
  /** envelope fields allowed besides the forms, with their checker (returns a message when wrong) */
  fields?: Record<string, (value: unknown) => string | null>;
  requiredFields?: string[];
  /** check forms as partial (only the fields present) */
  partial?: boolean;
}

export function readEnvelope(body: unknown, spec: EnvelopeSpec): Record<string, unknown> {
  if (body === undefined || body === null) body = {};
  if (typeof body !== 'object' || Array.isArray(body)) throw problems.bodyNotObject();
  const input = body as Record<string, unknown>;
  const errors: FieldProblem[] = [];
  const out: Record<string, unknown> = {};
  const forms = spec.forms ?? {};
  const fields = spec.fields ?? {};
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(forms, key) && !Object.hasOwn(fields, key)) errors.push({ field: key, message: `unknown field '${key}'` });
  }
  for (const [part, formName] of Object.entries(forms)) {
    const value = input[part];
    if (value === undefined && spec.optionalForms?.includes(part)) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ field: part, message: `${part} must be an object with the fields of the ${formName} form` });
      continue;
    }
    const result = validateForm(formName, value, { partial: spec.partial ?? false });
    if (result.ok) out[part] = result.value;
    else for (const e of result.errors) errors.push({ field: e.field ? `${part}.${e.field}` : part, message: e.message });
  }
  for (const [name, check] of Object.entries(fields)) {
    const value = input[name];
    if (value === undefined) {
      if (spec.requiredFields?.includes(name)) errors.push({ field: name, message: `${name} is required` });
      continue;
    }
    const message = check(value);
    if (message) errors.push({ field: name, message });
    else out[name] = value;
  }
  if (errors.length) throw problems.invalidBody(errors);
  return out;
}

export const checks = {
  reason: (v: unknown) => (typeof v === 'string' && v.trim().length > 0 && v.length <= 500 ? null : 'reason must be text of 1 to 500 characters'),
  siteCode: (v: unknown) => (typeof v === 'string' && /^[A-Z0-9][A-Z0-9-]{1,19}$/.test(v) ? null : 'site must be a site code such as ORE-AFF'),
  positiveId: (name: string) => (v: unknown) => (Number.isSafeInteger(v) && (v as number) > 0 ? null : `${name} must be a positive whole number`),
  nullablePositiveId: (name: string) => (v: unknown) => (v === null || (Number.isSafeInteger(v) && (v as number) > 0) ? null : `${name} must be a positive whole number or null`),
  oneOf: (name: string, values: readonly string[]) => (v: unknown) => (typeof v === 'string' && values.includes(v) ? null : `${name} must be one of ${values.join(', ')}`),
  boolean: (name: string) => (v: unknown) => (typeof v === 'boolean' ? null : `${name} must be true or false`),
};
