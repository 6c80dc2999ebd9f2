/**
 * Licensed wording. Some instruments' official text is licensed (EQ-5D, by
 * EuroQol); the dictionary ships neutral labels of its own. A site with a
 * licence writes the official wording into a JSON file of label overrides
 * (its path is a setting, see docs/data-dictionary.md) and this pure function
 * lays it over the forms. Only labels change: names, codes and types never do,
 * so stored answers and exports are the same with or without the overrides.
 *
 * File shape:
 * {
 *   "source": "EuroQol licence …, Swedish version …",
 *   "forms": {
 *     "eq5d5l": {
 *       "labels": { "sv": "…" },
 *       "fields": { "eq5d_mo": { "labels": { "sv": "…" }, "choices": { "1": { "sv": "…" } } } }
 *     }
 *   }
 * }
 */
import { LANGUAGES, type Form, type Labels, type Language } from './types';

type PartialLabels = Partial<Labels>;
export interface FieldWording {
  labels?: PartialLabels;
  choices?: Record<string, PartialLabels>;
}
export interface LicensedWording {
  /** where the wording comes from (licence, language version); shown in the codebook */
  source: string;
  forms: Record<string, { labels?: PartialLabels; fields?: Record<string, FieldWording> }>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkLabels(value: unknown, where: string, problems: string[]): void {
  if (!isObject(value)) {
    problems.push(`${where} must be an object of languages (sv, da, en)`);
    return;
  }
  for (const [lang, text] of Object.entries(value)) {
    if (!(LANGUAGES as readonly string[]).includes(lang)) problems.push(`${where}: unknown language '${lang}'`);
    else if (typeof text !== 'string' || text.trim() === '' || /[\r\n|]/.test(text)) {
      problems.push(`${where}.${lang} must be one line of non-empty text without '|'`);
    }
  }
}

function checkShape(overrides: unknown, forms: readonly Form[]): string[] {
  const problems: string[] = [];
  if (!isObject(overrides)) return ['the licensed wording must be a JSON object'];
  for (const key of Object.keys(overrides)) if (key !== 'source' && key !== 'forms') problems.push(`unknown key '${key}'`);
  if (typeof overrides.source !== 'string' || overrides.source.trim() === '') problems.push("'source' must name the licence or language version");
  if (!isObject(overrides.forms)) return [...problems, "'forms' must be an object keyed by form name"];
  for (const [formName, formWording] of Object.entries(overrides.forms)) {
    const form = forms.find((f) => f.name === formName);
    const where = `forms.${formName}`;
    if (!form) { problems.push(`${where}: unknown form`); continue; }
    if (!isObject(formWording)) { problems.push(`${where} must be an object`); continue; }
    for (const key of Object.keys(formWording)) if (key !== 'labels' && key !== 'fields') problems.push(`${where}: unknown key '${key}'`);
    if (formWording.labels !== undefined) checkLabels(formWording.labels, `${where}.labels`, problems);
    if (formWording.fields === undefined) continue;
    if (!isObject(formWording.fields)) { problems.push(`${where}.fields must be an object`); continue; }
    for (const [fieldName, fieldWording] of Object.entries(formWording.fields)) {
      const field = form.fields.find((f) => f.name === fieldName);
      const fw = `${where}.fields.${fieldName}`;
      if (!field) { problems.push(`${fw}: unknown field of ${formName}`); continue; }
      if (!isObject(fieldWording)) { problems.push(`${fw} must be an object`); continue; }
      for (const key of Object.keys(fieldWording)) if (key !== 'labels' && key !== 'choices') problems.push(`${fw}: unknown key '${key}'`);
      if (fieldWording.labels !== undefined) checkLabels(fieldWording.labels, `${fw}.labels`, problems);
      if (fieldWording.choices === undefined) continue;
      if (!isObject(fieldWording.choices)) { problems.push(`${fw}.choices must be an object keyed by choice code`); continue; }
      for (const [code, labels] of Object.entries(fieldWording.choices)) {
        if (!field.choices?.some((c) => String(c.code) === code)) problems.push(`${fw}.choices: unknown choice code '${code}'`);
        else checkLabels(labels, `${fw}.choices.${code}`, problems);
      }
    }
  }
  return problems;
}

/**
 * The forms with the licensed wording laid over their labels. Throws one
 * error listing every problem when the overrides name an unknown form, field,
 * choice code or language, or are not of the documented shape.
 */
export function applyLicensedWording(forms: readonly Form[], overrides: unknown): Form[] {
  const problems = checkShape(overrides, forms);
  if (problems.length > 0) throw new Error(`licensed wording is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const wording = overrides as LicensedWording;
  return forms.map((form) => {
    const fw = wording.forms[form.name];
    if (!fw) return form;
    return {
      ...form,
      labels: { ...form.labels, ...fw.labels },
      fields: form.fields.map((field) => {
        const w = fw.fields?.[field.name];
        if (!w) return field;
        // the licensed text is what the participant reads: it replaces a question or answer text of the dictionary
        const { question, ...rest } = field;
        return {
          ...rest,
          labels: { ...field.labels, ...w.labels },
          ...(question && !w.labels ? { question } : {}),
          ...(field.choices
            ? { choices: field.choices.map(({ answer, ...c }) => {
              const licensed = w.choices?.[String(c.code)];
              return { ...c, labels: { ...c.labels, ...licensed }, ...(answer && !licensed ? { answer } : {}) };
            }) }
            : {}),
          note: `Wording: ${wording.source}`,
        };
      }),
    };
  });
}

/** The forms whose wording the study supplies (EQ-5D, GSE: `instrument.studySuppliesWording`). */
export function formsNeedingWording(forms: readonly Form[]): Form[] {
  return forms.filter((form) => form.instrument?.studySuppliesWording === true);
}

/** How complete the supplied wording is for one form in one language: what is still missing (field names, `field=code` for answer options). */
export interface WordingCompleteness {
  form: string;
  language: Language;
  complete: boolean;
  /** e.g. ["gse_03", "gse_03=2"]: the question of gse_03 and its answer option 2 have no text in this language */
  missing: string[];
}

/**
 * For every form whose wording the study supplies, and every language: is
 * each question and each answer option given a text? `wording` may be null
 * (nothing supplied: everything missing). Pure; the shape is checked by
 * applyLicensedWording, not here.
 */
export function wordingCompleteness(forms: readonly Form[], wording: LicensedWording | null): WordingCompleteness[] {
  const given = (labels: PartialLabels | undefined, language: Language) => typeof labels?.[language] === 'string' && labels[language]!.trim() !== '';
  return formsNeedingWording(forms).flatMap((form) =>
    LANGUAGES.map((language) => {
      const fw = wording?.forms[form.name];
      const missing = form.fields.flatMap((field) => {
        const w = fw?.fields?.[field.name];
        return [
          ...(given(w?.labels, language) ? [] : [field.name]),
          ...(field.choices ?? []).filter((c) => !given(w?.choices?.[String(c.code)], language)).map((c) => `${field.name}=${c.code}`),
        ];
      });
      return { form: form.name, language, complete: missing.length === 0, missing };
    }),
  );
}

/** Throws one error listing every problem when `overrides` is not licensed wording of the documented shape for these forms. */
export function checkLicensedWording(forms: readonly Form[], overrides: unknown): LicensedWording {
  applyLicensedWording(forms, overrides);
  return overrides as LicensedWording;
}
