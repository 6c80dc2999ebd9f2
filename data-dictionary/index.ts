/**
 * The data dictionary: every form and field the platform collects, validates,
 * stores or exports. `forms` is the list in `forms/index.ts`, checked once at
 * load (a broken form file fails loudly at start-up, not at the first
 * submission).
 */
import { formFiles } from './forms/index';
import { checkDictionary } from './check';
import type { Field, Form } from './types';

export * from './types';

const problems = checkDictionary(formFiles);
if (problems.length > 0) {
  throw new Error(`data dictionary is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

export const forms: readonly Form[] = formFiles;

const byName = new Map(forms.map((form) => [form.name, form]));

/** The form called `name`, or undefined. */
export function getForm(name: string): Form | undefined {
  return byName.get(name);
}

/** A field of a form, or undefined when the form or the field does not exist. */
export function getField(formName: string, fieldName: string): Field | undefined {
  return byName.get(formName)?.fields.find((field) => field.name === fieldName);
}

/** The forms that leave the platform (REDCap, codebook): research and operational. */
export function exportedForms(all: readonly Form[] = forms): Form[] {
  return all.filter((form) => form.kind !== 'system');
}
