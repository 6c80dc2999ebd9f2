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

export const FIELD_TYPES: readonly FieldType[] = [
  'integer', 'number', 'text', 'notes', 'date', 'datetime', 'boolean',
  'choice', 'multi_choice', 'email', 'descriptive',
];

export interface Choice {
  /**
   * The stored value. Its JSON type is kept: numbers for numeric codes
   * (EQ-5D levels 1–5), strings otherwise. A string code never looks like a
   * number, so a REDCap round trip restores the type.
   */
  code: string | number;
  /** the codebook's label (exports, staff pages) */
  labels: Labels;
  /** the answer as the participant reads it on the tablet, when it differs from the codebook label */
  answer?: Labels;
}

export interface Field {
  /**
   * lower_snake, at most 26 characters, unique across the research and
   * operational forms (forms linked by `alternativeTo` share theirs); a
   * system form's names are unique within that form.
   */
  name: string;
  /** the codebook's label: short, for exports, the codebook and staff pages */
  labels: Labels;
  /**
   * the question the participant reads on the tablet (a whole sentence, in
   * plain words); every field a participant answers has one, except items of
   * an instrument whose wording is licensed (`instrument.licence`), which
   * show the site's licensed wording or the neutral labels
   */
  question?: Labels;
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
  /** id of one of the form's `sections` (e.g. the fidelity scale's areas) */
  section?: string;
  /**
   * the key in `unit_costs.csv` this count is priced by, when it differs from
   * `name` (unit-cost keys such as `phone_or_video_contact:physician` are not
   * valid field names)
   */
  costItem?: string;
  /**
   * the participant may answer "don't know": stored as `null` (an explicit
   * answer, unlike a missing key) and exported as missing
   */
  dontKnow?: boolean;
  /**
   * a year of birth of someone of working age (data-dictionary/working-age.ts)
   * in the year of answering: the tablet offers only those years and the
   * server refuses others
   */
  workingAge?: boolean;
}

export type FormKind = 'research' | 'operational' | 'system';

export interface Section {
  id: string;
  labels: Labels;
}

export interface Form {
  /** lower_snake form name; the REDCap instrument name */
  name: string;
  kind: FormKind;
  labels: Labels;
  /** the part's name as the participant reads it on the tablet, when it differs from the codebook label */
  partTitle?: Labels;
  /** the instrument and its version, for forms that are a published instrument */
  instrument?: {
    id: string;
    version: string;
    citation?: string;
    licence?: string;
    /**
     * the instrument's wording belongs to its owners: the study supplies the
     * exact text (licensed wording, docs/instruments.md) and a real study
     * cannot send a participant into the form until it has, per language
     */
    studySuppliesWording?: boolean;
  };
  timepoints?: number[];
  /**
   * this form is an alternative instrument for the same columns as the named
   * form (eq5d3l for eq5d5l): the study's `instrument` setting picks one, and
   * the two may share field names
   */
  alternativeTo?: string;
  /** ordered groups of fields (a REDCap section header opens each) */
  sections?: Section[];
  fields: Field[];
}
