/**
 * The question sequence of a tablet session, derived from the data
 * dictionary: the session's forms in order, each field that applies at the
 * session's timepoint and whose `showWhen` condition holds for the answers
 * given so far. One question per screen.
 */
import type { Field, Form } from '../../data-dictionary/types';
import type { Answers } from '../modules/store';

export interface Question {
  /** '<form>.<field>': the stable position stored for resuming */
  key: string;
  form: Form;
  field: Field;
  /** 1-based number of the form among the session's forms */
  part: number;
}

export type Widget = 'radio' | 'select' | 'checkboxes' | 'yes-no' | 'vas' | 'stepper' | 'text' | 'notes' | 'date' | 'descriptive';

/** The control a field is answered with. */
/** More choices than this are offered as a drop-down list. */
export const LONG_LIST = 20;

export function widgetFor(form: Form, field: Field): Widget {
  switch (field.type) {
    // a long coded list (the municipalities): a drop-down instead of hundreds of radio buttons
    case 'choice': return (field.choices?.length ?? 0) > LONG_LIST ? 'select' : 'radio';
    case 'multi_choice': return 'checkboxes';
    case 'boolean': return 'yes-no';
    case 'integer':
    case 'number':
      // the EQ VAS: a 0–100 integer of an EQ-5D instrument
      return form.instrument?.id.startsWith('eq5d') && field.min === 0 && field.max === 100 ? 'vas' : 'stepper';
    case 'notes': return 'notes';
    case 'date': return 'date';
    case 'descriptive': return 'descriptive';
    default: return 'text';
  }
}

export function fieldApplies(field: Field, timepoint: number): boolean {
  return !field.timepoints || field.timepoints.includes(timepoint);
}

export function isShown(field: Field, answers: Answers): boolean {
  if (!field.showWhen) return true;
  return answers[field.showWhen.field] === field.showWhen.equals;
}

/** The questions to ask, given the answers so far (per form). */
export function questionSequence(forms: Form[], timepoint: number, answersByForm: Record<string, Answers>): Question[] {
  const sequence: Question[] = [];
  forms.forEach((form, index) => {
    const answers = answersByForm[form.name] ?? {};
    for (const field of form.fields) {
      if (field.identifier || !fieldApplies(field, timepoint) || !isShown(field, answers)) continue;
      sequence.push({ key: `${form.name}.${field.name}`, form, field, part: index + 1 });
    }
  });
  return sequence;
}

/**
 * Removes answers to fields that are no longer shown (e.g. after "never
 * employed"), and to fields the form no longer has (an answer saved before a
 * new version of the dictionary moved the field, e.g. diagnosis_group).
 */
export function dropHiddenAnswers(form: Form, answers: Answers): Answers {
  const known = new Set(form.fields.map((f) => f.name));
  const kept: Answers = Object.fromEntries(Object.entries(answers).filter(([name]) => known.has(name)));
  // repeat: hiding one field can hide a field that depends on it
  for (let changed = true; changed; ) {
    changed = false;
    for (const field of form.fields) {
      if (field.name in kept && !isShown(field, kept)) {
        delete kept[field.name];
        changed = true;
      }
    }
  }
  return kept;
}

export function isAnswered(value: Answers[string] | undefined): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/** "Don't know" to a field that offers it: an explicit null (a missing key is no answer at all). */
export function isDontKnow(field: Field, value: Answers[string] | undefined): boolean {
  return field.dontKnow === true && value === null;
}

/** Answered, "don't know" included. */
export function hasAnswer(field: Field, value: Answers[string] | undefined): boolean {
  return isAnswered(value) || isDontKnow(field, value);
}

/** Required questions of the sequence that have no answer yet ("don't know" is an answer). */
export function missingRequired(sequence: Question[], answersByForm: Record<string, Answers>): Question[] {
  return sequence.filter((q) => q.field.required && q.field.type !== 'descriptive' && !hasAnswer(q.field, answersByForm[q.form.name]?.[q.field.name]));
}

/** The forms for a timepoint: research forms collected then, without alternatives (eq5d3l) unless named. */
export function formsForTimepoint(all: readonly Form[], timepoint: number, names?: string[]): Form[] {
  if (names && names.length > 0) {
    return names.map((name) => {
      const form = all.find((f) => f.name === name);
      if (!form) throw new Error(`the tablet does not know the form '${name}'`);
      return form;
    });
  }
  return all.filter((f) => f.kind === 'research' && !f.alternativeTo && (!f.timepoints || f.timepoints.includes(timepoint)));
}

/**
 * Where a number stepper goes on its first − or + while empty. A calendar
 * year (bounds between 1800 and 2200, e.g. the year of birth or of the last
 * job) starts at this year when the field allows it, otherwise at the middle
 * of its range (a year of birth from 1940–2012 starts at 1976, not 1940);
 * any other number starts at its minimum (0 visits, 0 years).
 */
export function stepperStart(min: number, max: number, thisYear: number): number {
  const isYear = min >= 1800 && max <= 2200;
  if (!isYear) return min;
  return thisYear >= min && thisYear <= max ? thisYear : Math.round((min + max) / 2);
}
