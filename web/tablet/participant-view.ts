/**
 * What the participant reads of a form: the dictionary's participant texts
 * (`question` of a field, `answer` of a choice, `partTitle` of a form) where
 * it has them, otherwise its labels, with two adjustments where the
 * codebook labels say more than a participant needs:
 *
 * - the part title leaves out the internal note on the neutral EQ-5D labels
 *   ("neutrala projektetiketter, inte EuroQols officiella text"): it tells
 *   staff and readers of the codebook which text this is, not the
 *   participant (it stays in the dictionary, the codebook and the docs);
 * - answer options that all repeat the start of the question ("Rörlighet:
 *   nivå 2 av 5 – …" under the heading "Rörlighet (…)") are shown without
 *   it: the heading is enough.
 *
 * The words themselves are never changed: a site's licensed wording, which
 * has neither, is shown as it is.
 */
import type { Field, Form } from '../../data-dictionary/types';
import type { Language } from '../modules/store';

/** the codebook's note on the neutral EQ-5D labels, in each language */
const INTERNAL_NOTE = /\s*\((neutrala projektetiketter|neutrale projektetiketter|neutral project labels)[^)]*\)\s*$/i;

/** The form's name as the part header shows it to the participant. */
export function partTitle(form: Form, lang: Language): string {
  return form.partTitle?.[lang] ?? form.labels[lang].replace(INTERNAL_NOTE, '');
}

/** The question as the participant reads it: the dictionary's `question`, else the field's label (licensed or neutral instrument items). */
export function questionText(field: Field, lang: Language): string {
  return field.question?.[lang] ?? field.labels[lang];
}

/** The answer options' labels, without a "<start of the question>: " that every one of them repeats. */
export function choiceLabels(field: Field, lang: Language): string[] {
  if (field.choices?.some((c) => c.answer)) return field.choices.map((c) => (c.answer ?? c.labels)[lang]);
  const labels = (field.choices ?? []).map((c) => c.labels[lang]);
  const first = labels[0]?.match(/^([^:]{1,60}):\s+/);
  if (labels.length < 2 || !first) return labels;
  const prefix = first[0];
  const repeated = labels.every((l) => l.startsWith(prefix) && l.length > prefix.length) && field.labels[lang].startsWith(first[1]);
  if (!repeated) return labels;
  return labels.map((l) => {
    const rest = l.slice(prefix.length);
    return rest.charAt(0).toLocaleUpperCase(lang) + rest.slice(1);
  });
}

/** The participant's label of the option with `code` (undefined when the field has no such option). */
export function choiceLabel(field: Field, lang: Language, code: string | number | boolean | null): string | undefined {
  const index = (field.choices ?? []).findIndex((c) => c.code === code);
  return index < 0 ? undefined : choiceLabels(field, lang)[index];
}
