/**
 * JSON Schemas (draft-07) generated from the forms: one per form and mode.
 * `full` enforces `required` (conditionally for fields with `showWhen`);
 * `partial` (autosave of a half-done questionnaire) checks only the fields
 * present. A non-required field may be `null` (cleared); `additionalProperties`
 * is always false. A `dontKnow` field takes `null` as an answer ("don't
 * know"): when required it must be present, but may be null.
 */
import type { Field, Form } from './types';

export type JsonSchema = Record<string, unknown>;

function valueSchema(field: Field): JsonSchema | undefined {
  switch (field.type) {
    case 'integer':
    case 'number':
      return {
        type: field.type,
        ...(field.min !== undefined ? { minimum: field.min } : {}),
        ...(field.max !== undefined ? { maximum: field.max } : {}),
      };
    case 'text':
    case 'notes':
    case 'email':
      return {
        type: 'string',
        ...(field.type === 'email' ? { format: 'email' } : {}),
        ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
        ...(field.pattern !== undefined ? { pattern: field.pattern } : {}),
      };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'boolean':
      return { type: 'boolean' };
    case 'choice':
      return { enum: (field.choices ?? []).map((c) => c.code) };
    case 'multi_choice':
      return { type: 'array', items: { enum: (field.choices ?? []).map((c) => c.code) }, uniqueItems: true };
    case 'descriptive':
      return undefined;
  }
}

function nullable(schema: JsonSchema): JsonSchema {
  if ('enum' in schema) return { ...schema, enum: [...(schema.enum as unknown[]), null] };
  return { ...schema, type: [schema.type as string, 'null'] };
}

/** The JSON Schema of a form's answer object. */
export function formSchema(form: Form, options: { partial?: boolean } = {}): JsonSchema {
  const partial = options.partial ?? false;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const conditions: JsonSchema[] = [];
  for (const field of form.fields) {
    const schema = valueSchema(field);
    if (!schema) continue;
    const enforced = !partial && field.required;
    properties[field.name] = enforced && !field.showWhen && !field.dontKnow ? schema : nullable(schema);
    if (!enforced) continue;
    if (!field.showWhen) {
      required.push(field.name);
      continue;
    }
    conditions.push({
      if: { properties: { [field.showWhen.field]: { const: field.showWhen.equals } }, required: [field.showWhen.field] },
      then: field.dontKnow ? { properties: { [field.name]: {} }, required: [field.name] } : { properties: { [field.name]: { not: { type: 'null' } } }, required: [field.name] },
    });
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: form.labels.en,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
    ...(conditions.length > 0 ? { allOf: conditions } : {}),
  };
}
