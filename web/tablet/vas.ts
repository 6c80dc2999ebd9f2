/**
 * The EQ VAS: a vertical scale from 0 (bottom, worst health) to 100 (top,
 * best health), as on the paper instrument. It is an ARIA slider (focusable,
 * arrows ±1, PageUp/PageDown ±10, Home/End) that can also be dragged or
 * tapped, plus a labelled number box that shows and sets the same value.
 * Until the participant touches it, it has no value.
 */
import { h } from '../modules/dom';
import type { Language } from '../modules/store';
import type { Question } from './questions';
import type { Texts } from './texts';
import { questionText } from './participant-view';
import type { AnswerValue, QuestionView } from './widgets';

export function vasScale(q: Question, t: Texts, lang: Language, current: number | undefined, onAnswer: (v: AnswerValue) => void): QuestionView {
  let value = current;
  const title = h('h1', { class: 'question', id: 'question-heading', tabindex: -1 }, questionText(q.field, lang));
  const thumb = h('div', { class: 'vas-thumb', 'aria-hidden': 'true' });
  const ticks = h('div', { class: 'vas-ticks', 'aria-hidden': 'true' },
    ...Array.from({ length: 11 }, (_, i) => h('span', { class: 'vas-tick', style: `bottom:${i * 10}%` }, String(i * 10))));
  const track = h('div', { class: 'vas-track' }, ticks, thumb);
  const slider = h('div', {
    class: 'vas-slider', role: 'slider', tabindex: 0, id: 'vas-slider',
    'aria-orientation': 'vertical', 'aria-valuemin': 0, 'aria-valuemax': 100,
    'aria-labelledby': 'question-heading', 'aria-describedby': 'vas-help',
  }, track);
  const number = h('input', { id: 'answer', type: 'number', inputmode: 'numeric', min: 0, max: 100, step: 1, autocomplete: 'off' });
  const error = h('p', { class: 'field-error', 'aria-live': 'polite' });

  const show = () => {
    if (value === undefined) {
      slider.removeAttribute('aria-valuenow');
      slider.setAttribute('aria-valuetext', t.notAnswered);
      thumb.hidden = true;
      number.value = '';
      return;
    }
    slider.setAttribute('aria-valuenow', String(value));
    slider.removeAttribute('aria-valuetext');
    thumb.hidden = false;
    thumb.style.bottom = `${value}%`;
    if (number.value !== String(value)) number.value = String(value);
  };
  const set = (next: number) => {
    const clamped = Math.max(0, Math.min(100, Math.round(next)));
    if (clamped === value) return;
    value = clamped;
    error.textContent = '';
    show();
    onAnswer(value);
  };

  slider.addEventListener('keydown', (event) => {
    const from = value ?? 50;
    const moves: Record<string, number> = {
      ArrowUp: from + 1, ArrowRight: from + 1, ArrowDown: from - 1, ArrowLeft: from - 1,
      PageUp: from + 10, PageDown: from - 10, Home: 0, End: 100,
    };
    if (event.key in moves) {
      event.preventDefault();
      set(value === undefined && event.key.startsWith('Arrow') ? 50 : moves[event.key]);
    }
  });
  const fromPointer = (event: PointerEvent) => {
    const box = track.getBoundingClientRect();
    set(((box.bottom - event.clientY) / box.height) * 100);
  };
  slider.addEventListener('pointerdown', (event) => {
    slider.setPointerCapture?.(event.pointerId);
    fromPointer(event);
    slider.focus();
  });
  slider.addEventListener('pointermove', (event) => {
    if (event.buttons === 1 || event.pointerType === 'touch') fromPointer(event);
  });
  number.addEventListener('change', () => {
    const n = Number(number.value);
    if (number.value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100) {
      error.textContent = t.between(0, 100);
      return;
    }
    set(n);
  });
  show();

  const root = h('div', { class: 'vas-question' }, title,
    h('p', { id: 'vas-help', class: 'hint' }, t.vasHelp),
    h('div', { class: 'vas' },
      h('p', { class: 'vas-end vas-top' }, t.vasTop),
      slider,
      h('p', { class: 'vas-end vas-bottom' }, t.vasBottom)),
    h('p', { class: 'vas-number' }, h('label', { for: 'answer' }, t.vasValue), ' ', number),
    error);
  return { root, heading: title, commit: () => undefined };
}
