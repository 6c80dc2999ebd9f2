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
 * The demo sites' home municipalities (Örebro län, SCB kommunkoder), the
 * site's main town listed more than once so most participants live there.
 */
export const DEMO_SITE_MUNICIPALITIES: Record<string, string[]> = {
  'ORE-AFF': ['se_1880', 'se_1880', 'se_1880', 'se_1880', 'se_1814', 'se_1881'],
  'ORE-DBT': ['se_1880', 'se_1880', 'se_1880', 'se_1814'],
  'ORE-NORR': ['se_1885', 'se_1885', 'se_1885', 'se_1884', 'se_1884', 'se_1863', 'se_1864'],
  'ORE-VAST': ['se_1883', 'se_1883', 'se_1883', 'se_1862', 'se_1860'],
  'ORE-SODER': ['se_1881', 'se_1881', 'se_1861', 'se_1861', 'se_1882'],
};

/**
 * A plausible demo baseline answered in `year` at `site`: a working-age
 * birth year with many under 30 (the seeds' target group; one site prefers
 * under 30) — about 4 in 10 aged 19–29, the rest 30–62 —; sex about 47 %
 * female, 51 % male, 2 % other; a home municipality near the site. The
 * other fields as syntheticAnswers gives them.
 */
export function demoBaselineAnswers(pick: Pick, year: number, site: string): Record<string, unknown> {
  const age = pick(10) < 4 ? 19 + pick(11) : 30 + pick(33);
  const roll = pick(100);
  const sex = roll < 47 ? 'female' : roll < 98 ? 'male' : 'other';
  const towns = DEMO_SITE_MUNICIPALITIES[site] ?? ['se_1880'];
  return syntheticAnswers('baseline', pick, { birth_year: year - age, sex, municipality: towns[pick(towns.length)] });
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
