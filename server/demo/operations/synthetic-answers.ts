/**
 * Synthetic, valid answers to any form of the data dictionary (for the demo
 * study and tests): each field gets a value its type and choices allow,
 * picked by `pick` (an integer source, so callers decide how random), and
 * fields hidden by `showWhen` are left out. Birth years are of working age
 * (born 1963–1998). `overrides` are applied first so
 * conditions see them.
 */
import { getForm, type Field } from '../../../data-dictionary/index';

export type Pick = (n: number) => number;

export const firstChoice: Pick = () => 0;

function valueFor(field: Field, pick: Pick): unknown {
  const choices = field.choices ?? [];
  // of working age (services/date-plausibility.ts), many under 30 as in the seeds' target group
  if (field.name === 'birth_year') return 1998 - pick(36);
  switch (field.type) {
    case 'choice':
      return choices[pick(choices.length)].code;
    case 'multi_choice':
      return [choices[pick(choices.length)].code];
    case 'boolean':
      return pick(2) === 0;
    case 'integer': {
      const min = field.min ?? 0;
      const max = Math.min(field.max ?? min + 10, min + 10);
      return min + pick(max - min + 1);
    }
    case 'number': {
      const min = field.min ?? 0;
      const max = Math.min(field.max ?? min + 10, min + 10);
      return min + pick(max - min + 1);
    }
    case 'date':
      return '2026-01-15';
    case 'datetime':
      return '2026-01-15T10:00:00.000Z';
    case 'email':
      return 'demo@example.invalid';
    default:
      return 'Demo';
  }
}

export function syntheticAnswers(formName: string, pick: Pick = firstChoice, overrides: Record<string, unknown> = {}, includeOptional = true): Record<string, unknown> {
  const form = getForm(formName);
  if (!form) throw new Error(`no form ${formName}`);
  const answers: Record<string, unknown> = { ...overrides };
  // the yes/no before a count (service use): the first pick is "no", zero use, as a count's first pick was 0
  const gates = new Set(form.fields.filter((f) => (f.type === 'integer' || f.type === 'number') && f.dontKnow && f.showWhen).map((f) => f.showWhen!.field));
  for (const field of form.fields) {
    if (field.name in answers) continue;
    if (field.showWhen && answers[field.showWhen.field] !== field.showWhen.equals) continue;
    if (!field.required && !includeOptional) continue;
    if (field.type === 'text' || field.type === 'notes') {
      if (!field.required) continue;
    }
    answers[field.name] = field.type === 'boolean' && gates.has(field.name) ? pick(2) !== 0 : valueFor(field, pick);
  }
  for (const key of Object.keys(answers)) {
    const field = form.fields.find((f) => f.name === key);
    if (field?.showWhen && answers[field.showWhen.field] !== field.showWhen.equals) delete answers[key];
  }
  return answers;
}

/**
 * The service-use form as a participant fills it in, from counts per count
 * field: "no" to the yes/no question before a count of 0, "yes" and the
 * count otherwise (null: yes, but "don't know" how many).
 */
export function serviceUseFromCounts(counts: Record<string, number | null>): Record<string, unknown> {
  const form = getForm('service_use');
  if (!form) throw new Error('no form service_use');
  const answers: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (field.type !== 'integer' && field.type !== 'number') continue;
    if (!(field.name in counts)) throw new Error(`serviceUseFromCounts: no count for ${field.name}`);
    const gate = field.showWhen?.field;
    const count = counts[field.name];
    if (!gate) {
      answers[field.name] = count;
      continue;
    }
    answers[gate] = count !== 0;
    if (count !== 0) answers[field.name] = count;
  }
  return answers;
}
