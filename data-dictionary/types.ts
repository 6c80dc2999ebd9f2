/**
 * The shape of the data dictionary: forms and their fields. Every form the
 * platform collects, validates, stores or exports is described once, in
 * `data-dictionary/forms/*.json`, in this shape.
 */

export type Language = 'sv' | 'da' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'da', 'en'];

/** A text in Swedish, Danish and English. */
export type Labels = Record<Language, string>;

export type FieldType =
  | 'integer'
  | 'number'
  | 'text' // one line
  | 'notes' // free text, several lines (never exported)
  | 'date' // ISO 8601 calendar date, YYYY-MM-DD
  | 'datetime'
  | 'boolean'
  | 'choice' // one code of `choices`
  | 'multi_choice' // several codes of `choices`
  | 'email'
  | 'descriptive'; // no value, only text shown to the participant

export interface Choice {
  code: string | number;
  labels: Labels;
}

export interface Field {
  /** lower_snake, at most 26 characters, unique across the dictionary */
  name: string;
  labels: Labels;
  type: FieldType;
  choices?: Choice[];
  min?: number;
  max?: number;
  pattern?: string;
  maxLength?: number;
  required: boolean;
  /** true for direct identifiers (name, national id, phone, address): never exported */
  identifier: boolean;
  /** months after randomization at which the field is collected (0, 6, 12, 18, 24) */
  timepoints?: number[];
  unit?: string;
  /** where the instrument or item is published */
  citation?: string;
  /** shown only when this condition on another field of the form holds */
  showWhen?: { field: string; equals: string | number | boolean };
  /** a note for the codebook (coding rules, licence remarks) */
  note?: string;
}

export type FormKind = 'research' | 'operational' | 'system';

export interface Form {
  /** lower_snake form name; the REDCap instrument name */
  name: string;
  kind: FormKind;
  labels: Labels;
  /** the instrument and its version, for forms that are a published instrument */
  instrument?: { id: string; version: string; citation?: string; licence?: string };
  timepoints?: number[];
  fields: Field[];
}
