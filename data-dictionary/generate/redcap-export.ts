/**
 * A REDCap data dictionary (CSV, REDCap's 18 columns) generated from the
 * forms. Labels and choices are written in one language; the other two, and
 * everything REDCap has no column for, go into `@IPS-…` lines of the Field
 * Annotation so `importRedcap` restores the forms exactly.
 */
import { stringify } from 'csv-stringify/sync';
import { LANGUAGES, type Field, type Form, type Language } from '../types';
import {
  REDCAP_COLUMNS, TO_REDCAP, formatAnnotation, formatBranching, formatChoices, type RedcapRow,
} from './redcap-format';

export interface RedcapExportOptions {
  /** language of Field Label, choices and section headers (default en) */
  lang?: Language;
  /**
   * the study's EQ-5D instrument: of forms linked by `alternativeTo`, only
   * this one is exported (REDCap needs unique variable names); default eq5d5l
   */
  instrument?: string;
}

const LANG_KEY: Record<Language, string> = { sv: 'SV', da: 'DA', en: 'EN' };
const RECORD_ID_LABELS: Record<Language, string> = {
  sv: 'Pseudonymt deltagar-id', da: 'Pseudonymt deltager-id', en: 'Pseudonymous participant id',
};

/** The research and operational forms a REDCap project gets, one of each alternative group. */
export function redcapForms(forms: readonly Form[], instrument = 'eq5d5l'): Form[] {
  const exported = forms.filter((f) => f.kind !== 'system');
  const groupOf = (form: Form) => form.alternativeTo ?? (exported.some((f) => f.alternativeTo === form.name) ? form.name : undefined);
  return exported.filter((form) => {
    const group = groupOf(form);
    if (group === undefined) return true;
    const members = exported.filter((f) => groupOf(f) === group).map((f) => f.name);
    return members.includes(instrument) ? form.name === instrument : form.name === group;
  });
}

function emptyRow(): RedcapRow {
  return Object.fromEntries(REDCAP_COLUMNS.map((c) => [c, ''])) as RedcapRow;
}

function formAnnotation(form: Form, lang: Language): [string, string | undefined][] {
  return [
    ['LANG', lang],
    ['FORM-KIND', form.kind],
    ...LANGUAGES.map((l): [string, string] => [`FORM-LABEL-${LANG_KEY[l]}`, form.labels[l]]),
    ...LANGUAGES.map((l): [string, string | undefined] => [`FORM-PART-TITLE-${LANG_KEY[l]}`, form.partTitle?.[l]]),
    ['FORM-TIMEPOINTS', form.timepoints?.join(',')],
    ['FORM-ALTERNATIVE-TO', form.alternativeTo],
    ['FORM-INSTRUMENT-ID', form.instrument?.id],
    ['FORM-INSTRUMENT-VERSION', form.instrument?.version],
    ['FORM-INSTRUMENT-CITATION', form.instrument?.citation],
    ['FORM-INSTRUMENT-LICENCE', form.instrument?.licence],
    ['FORM-INSTRUMENT-STUDY-SUPPLIES-WORDING', form.instrument?.studySuppliesWording ? 'yes' : undefined],
  ];
}

/** The participant's answer texts in choice syntax, of the choices that have one; none when no choice has. */
function answerChoices(field: Field, lang: Language): string | undefined {
  const answered = (field.choices ?? []).filter((c) => c.answer).map((c) => ({ code: c.code, labels: c.answer! }));
  return answered.length > 0 ? formatChoices(answered, lang) : undefined;
}

function fieldAnnotation(form: Form, field: Field, lang: Language, opensSection: boolean): [string, string | undefined][] {
  const others = LANGUAGES.filter((l) => l !== lang);
  const section = opensSection ? form.sections?.find((s) => s.id === field.section) : undefined;
  return [
    ...others.map((l): [string, string] => [`LABEL-${LANG_KEY[l]}`, field.labels[l]]),
    ...others.map((l): [string, string | undefined] => [`CHOICES-${LANG_KEY[l]}`, field.choices && formatChoices(field.choices, l)]),
    ...LANGUAGES.map((l): [string, string | undefined] => [`QUESTION-${LANG_KEY[l]}`, field.question?.[l]]),
    ...LANGUAGES.map((l): [string, string | undefined] => [`ANSWERS-${LANG_KEY[l]}`, answerChoices(field, l)]),
    ['DONT-KNOW', field.dontKnow === undefined ? undefined : String(field.dontKnow)],
    ['WORKING-AGE', field.workingAge === undefined ? undefined : String(field.workingAge)],
    ['TIMEPOINTS', field.timepoints?.join(',')],
    ['CITATION', field.citation],
    ['NOTE', field.note],
    ['PATTERN', field.pattern],
    ['MAXLENGTH', field.maxLength?.toString()],
    ['COST-ITEM', field.costItem],
    ['SECTION', field.section],
    ...others.map((l): [string, string | undefined] => [`SECTION-LABEL-${LANG_KEY[l]}`, section?.labels[l]]),
  ];
}

function fieldRow(form: Form, field: Field, lang: Language, previous: Field | undefined): RedcapRow {
  const row = emptyRow();
  const { type, validation } = TO_REDCAP[field.type];
  const opensSection = field.section !== undefined && field.section !== previous?.section;
  row['Variable / Field Name'] = field.name;
  row['Form Name'] = form.name;
  row['Section Header'] = opensSection ? form.sections?.find((s) => s.id === field.section)?.labels[lang] ?? '' : '';
  row['Field Type'] = type;
  row['Field Label'] = field.labels[lang];
  row['Choices, Calculations, OR Slider Labels'] = field.choices && field.type !== 'boolean' ? formatChoices(field.choices, lang) : '';
  row['Field Note'] = field.unit ?? '';
  row['Text Validation Type OR Show Slider Number'] = validation;
  row['Text Validation Min'] = field.min?.toString() ?? '';
  row['Text Validation Max'] = field.max?.toString() ?? '';
  row['Identifier?'] = field.identifier ? 'y' : '';
  row['Branching Logic (Show field only if...)'] = formatBranching(field.showWhen);
  row['Required Field?'] = field.required ? 'y' : '';
  const entries = fieldAnnotation(form, field, lang, opensSection);
  row['Field Annotation'] = formatAnnotation(previous === undefined ? [...formAnnotation(form, lang), ...entries] : entries);
  return row;
}

/** The REDCap rows: REDCap's record-id field first, then every field of every form. */
export function redcapRows(forms: readonly Form[], options: RedcapExportOptions = {}): RedcapRow[] {
  const lang = options.lang ?? 'en';
  const selected = redcapForms(forms, options.instrument);
  const rows: RedcapRow[] = [];
  const first = selected[0];
  if (first) {
    const recordId = emptyRow();
    recordId['Variable / Field Name'] = 'pid';
    recordId['Form Name'] = first.name;
    recordId['Field Type'] = 'text';
    recordId['Field Label'] = RECORD_ID_LABELS[lang];
    recordId['Field Annotation'] = '@IPS-RECORD-ID';
    rows.push(recordId);
  }
  for (const form of selected) {
    form.fields.forEach((field, i) => rows.push(fieldRow(form, field, lang, form.fields[i - 1])));
  }
  return rows;
}

/** The REDCap data dictionary as CSV text (header + one row per field). */
export function redcapCsv(forms: readonly Form[], options: RedcapExportOptions = {}): string {
  const rows = redcapRows(forms, options);
  return stringify(rows.map((r) => REDCAP_COLUMNS.map((c) => r[c])), { header: true, columns: [...REDCAP_COLUMNS] });
}
