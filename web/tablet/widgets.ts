/**
 * One question on one screen: the heading (focused when the screen opens),
 * and a real form control for the field's type — radio groups in a
 * fieldset/legend, labelled number steppers, the vertical EQ VAS. Every
 * change calls `onAnswer` at once; the caller saves it. The heading is the
 * dictionary's participant question (`questionText`); a field with
 * `dontKnow` offers "Don't know", answered as `null`.
 */
import { h } from '../modules/dom';
import type { Answers, Language } from '../modules/store';
import { hasAnswer, isDontKnow, stepperStart, widgetFor, type Question } from './questions';
import { workingAgeBirthYears } from '../../data-dictionary/working-age';
import type { Texts } from './texts';
import { vasScale } from './vas';
import { choiceLabel, choiceLabels, questionText } from './participant-view';

export type AnswerValue = Answers[string] | undefined;

export interface QuestionView {
  root: HTMLElement;
  heading: HTMLElement;
  /** the value typed but not yet committed (text and number inputs) */
  commit(): void;
}

function heading(text: string): HTMLElement {
  return h('h1', { class: 'question', id: 'question-heading', tabindex: -1 }, text);
}

function radioGroup(q: Question, lang: Language, options: { value: string | number | boolean | null; label: string }[], current: AnswerValue, onAnswer: (v: AnswerValue) => void): QuestionView {
  const title = heading(questionText(q.field, lang));
  const items = options.map((option, i) => {
    const input = h('input', { type: 'radio', name: q.field.name, id: `opt-${i}`, value: option.value === null ? '' : String(option.value) });
    if (option.value === null) input.dataset.dontKnow = 'true';
    input.checked = current === option.value;
    input.addEventListener('change', () => {
      if (input.checked) onAnswer(option.value);
    });
    return h('label', { class: 'option', for: `opt-${i}` }, input, h('span', {}, option.label));
  });
  const root = h('fieldset', { class: 'choices' }, h('legend', {}, title), ...items);
  return { root, heading: title, commit: () => undefined };
}

/** A long coded list as a labelled drop-down, sorted by the label in the participant's language. */
function selectList(q: Question, lang: Language, current: AnswerValue, onAnswer: (v: AnswerValue) => void): QuestionView {
  const labels = choiceLabels(q.field, lang);
  const options = (q.field.choices ?? []).map((c, i) => ({ code: c.code, label: labels[i] })).sort((a, b) => a.label.localeCompare(b.label, lang));
  const title = h('h1', { class: 'question', id: 'question-heading', tabindex: -1 }, h('label', { for: 'answer' }, q.field.labels[lang]));
  const select = h('select', { id: 'answer' }, h('option', { value: '' }, '—'), ...options.map((o) => h('option', { value: String(o.code) }, o.label)));
  select.value = current === undefined || current === null ? '' : String(current);
  const commit = () => onAnswer(options.find((o) => String(o.code) === select.value)?.code);
  select.addEventListener('change', commit);
  return { root: h('div', { class: 'text-question' }, title, select), heading: title, commit };
}

function checkboxes(q: Question, lang: Language, current: AnswerValue, onAnswer: (v: AnswerValue) => void): QuestionView {
  const title = heading(questionText(q.field, lang));
  const selected = new Set(Array.isArray(current) ? current : []);
  const labels = choiceLabels(q.field, lang);
  const items = (q.field.choices ?? []).map((choice, i) => {
    const input = h('input', { type: 'checkbox', id: `opt-${i}`, value: String(choice.code) });
    input.checked = selected.has(choice.code);
    input.addEventListener('change', () => {
      if (input.checked) selected.add(choice.code);
      else selected.delete(choice.code);
      const codes = (q.field.choices ?? []).map((c) => c.code).filter((c) => selected.has(c));
      onAnswer(codes.length ? codes : undefined);
    });
    return h('label', { class: 'option', for: `opt-${i}` }, input, h('span', {}, labels[i]));
  });
  const root = h('fieldset', { class: 'choices' }, h('legend', {}, title), ...items);
  return { root, heading: title, commit: () => undefined };
}

function stepper(q: Question, t: Texts, lang: Language, current: AnswerValue, onAnswer: (v: AnswerValue) => void): QuestionView {
  const field = q.field;
  // a birth year: only those of working age this year, as the server accepts (data-dictionary/working-age.ts)
  const workingAge = field.workingAge ? workingAgeBirthYears(new Date().getFullYear()) : null;
  const min = Math.max(field.min ?? 0, workingAge?.earliest ?? -Infinity);
  const max = Math.min(field.max ?? Number.MAX_SAFE_INTEGER, workingAge?.latest ?? Infinity);
  const integer = field.type === 'integer';
  const label = questionText(field, lang);
  const error = h('p', { class: 'field-error', id: 'answer-error', 'aria-live': 'polite' });
  // "don't know" (fields with dontKnow): a toggle beside the number; a number typed or stepped clears it
  const dontKnow = field.dontKnow
    ? h('button', { type: 'button', class: 'secondary dont-know', id: 'dont-know', 'aria-pressed': String(isDontKnow(field, current)) }, t.dontKnow)
    : null;
  const setDontKnow = (on: boolean) => dontKnow?.setAttribute('aria-pressed', String(on));
  const input = h('input', {
    id: 'answer', type: 'number', inputmode: integer ? 'numeric' : 'decimal', min, max: max === Number.MAX_SAFE_INTEGER ? undefined : max, step: integer ? 1 : 'any',
    'aria-describedby': 'answer-error', autocomplete: 'off',
  });
  if (typeof current === 'number') input.value = String(current);
  const commit = () => {
    const text = input.value.trim();
    if (text === '') {
      error.textContent = '';
      // an empty box keeps a "don't know" given with the toggle
      if (dontKnow?.getAttribute('aria-pressed') !== 'true') onAnswer(undefined);
      return;
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      error.textContent = t.between(min, max);
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    error.textContent = '';
    setDontKnow(false);
    onAnswer(value);
  };
  dontKnow?.addEventListener('click', () => {
    const on = dontKnow.getAttribute('aria-pressed') !== 'true';
    setDontKnow(on);
    input.value = '';
    input.removeAttribute('aria-invalid');
    error.textContent = '';
    onAnswer(on ? null : undefined);
  });
  const stepBy = (delta: number) => {
    const current = Number(input.value);
    const empty = input.value.trim() === '' || !Number.isFinite(current);
    // the first step from empty lands on a sensible start (this year for a year), not on the minimum
    const next = empty ? stepperStart(min, max, new Date().getFullYear()) : Math.min(max, Math.max(min, current + delta));
    input.value = String(next);
    commit();
  };
  input.addEventListener('change', commit);
  const title = h('h1', { class: 'question', id: 'question-heading', tabindex: -1 }, h('label', { for: 'answer' }, label));
  const root = h('div', { class: 'stepper-question' }, title,
    h('div', { class: 'stepper' },
      h('button', { type: 'button', class: 'step', 'aria-label': t.decrease(label), onclick: () => stepBy(-1) }, '−'),
      input,
      h('button', { type: 'button', class: 'step', 'aria-label': t.increase(label), onclick: () => stepBy(1) }, '+')),
    dontKnow,
    error);
  return { root, heading: title, commit };
}

function textInput(q: Question, lang: Language, kind: 'text' | 'notes' | 'date', current: AnswerValue, onAnswer: (v: AnswerValue) => void): QuestionView {
  const title = h('h1', { class: 'question', id: 'question-heading', tabindex: -1 }, h('label', { for: 'answer' }, questionText(q.field, lang)));
  const input = kind === 'notes'
    ? h('textarea', { id: 'answer', rows: 4, maxlength: q.field.maxLength })
    : h('input', { id: 'answer', type: kind === 'date' ? 'date' : 'text', maxlength: q.field.maxLength, autocomplete: 'off' });
  if (typeof current === 'string') input.value = current;
  const commit = () => onAnswer(input.value.trim() === '' ? undefined : input.value.trim());
  input.addEventListener('change', commit);
  return { root: h('div', { class: 'text-question' }, title, input), heading: title, commit };
}

/** Renders `q` with the answer given so far. */
export function renderQuestion(q: Question, t: Texts, lang: Language, current: AnswerValue, onAnswer: (v: AnswerValue) => void): QuestionView {
  const field = q.field;
  switch (widgetFor(q.form, field)) {
    case 'radio': {
      const labels = choiceLabels(field, lang);
      const options = (field.choices ?? []).map((c, i): { value: string | number | null; label: string } => ({ value: c.code, label: labels[i] }));
      return radioGroup(q, lang, field.dontKnow ? [...options, { value: null, label: t.dontKnow }] : options, current, onAnswer);
    }
    case 'select':
      return selectList(q, lang, current, onAnswer);
    case 'yes-no':
      return radioGroup(q, lang, [{ value: true, label: t.yes }, { value: false, label: t.no }, ...(field.dontKnow ? [{ value: null, label: t.dontKnow }] : [])], current, onAnswer);
    case 'checkboxes':
      return checkboxes(q, lang, current, onAnswer);
    case 'vas':
      return vasScale(q, t, lang, typeof current === 'number' ? current : undefined, onAnswer);
    case 'stepper':
      return stepper(q, t, lang, current, onAnswer);
    case 'descriptive': {
      const title = heading(questionText(field, lang));
      return { root: h('div', {}, title), heading: title, commit: () => undefined };
    }
    case 'notes':
    case 'date':
    case 'text':
      return textInput(q, lang, widgetFor(q.form, field) as 'text' | 'notes' | 'date', current, onAnswer);
  }
}

/** The answer as the participant reads it on the review screen. */
export function answerText(q: Question, t: Texts, lang: Language, value: AnswerValue): string {
  if (isDontKnow(q.field, value)) return t.dontKnow;
  if (!hasAnswer(q.field, value)) return t.notAnswered;
  if (q.field.type === 'boolean') return value ? t.yes : t.no;
  const label = (code: string | number | boolean | null) => choiceLabel(q.field, lang, code) ?? String(code);
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (q.field.choices) return label(value as string | number);
  return String(value);
}
