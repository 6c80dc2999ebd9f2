/**
 * The screens around the questions: locked (with the home-code entry), the
 * welcome (what this is, how long it takes, that one can stop), the pause,
 * the review of all answers before submit, and the thank-you screen.
 */
import { h, replace } from '../modules/dom';
import type { Answers, Language } from '../modules/store';
import { hasAnswer, type Question } from './questions';
import { questionText } from './participant-view';
import type { Texts } from './texts';
import { answerText } from './widgets';

function focusHeading(main: HTMLElement): void {
  main.querySelector<HTMLElement>('h1')?.focus();
}

/** The staff line of the locked screen: forms of earlier sessions that can no longer be sent (updated in place). */
export function showUndelivered(main: HTMLElement, t: Texts, count: number): void {
  const notice = main.querySelector<HTMLElement>('#staff-notice');
  if (notice) notice.textContent = count > 0 ? t.undelivered(count) : '';
}

export function showLocked(main: HTMLElement, t: Texts, onCode: (code: string) => Promise<string | undefined>, undelivered = 0): void {
  const input = h('input', { id: 'home-code', type: 'text', autocomplete: 'one-time-code', autocapitalize: 'characters', spellcheck: 'false', required: true });
  const error = h('p', { class: 'field-error', id: 'home-code-error', role: 'alert' });
  input.setAttribute('aria-describedby', 'home-code-error');
  const form = h('form', { class: 'home-code' }, h('label', { for: 'home-code' }, t.homeCode), input, error,
    h('button', { type: 'submit', class: 'primary' }, t.start));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const problem = await onCode(input.value.trim());
    if (problem) error.textContent = problem;
  });
  replace(main, h('section', { class: 'locked' }, h('h1', { tabindex: -1 }, t.lockedTitle), h('p', {}, t.lockedText), form,
    h('p', { id: 'staff-notice', class: 'staff-notice', role: 'status' })));
  showUndelivered(main, t, undelivered);
  main.dataset.screen = 'locked';
  focusHeading(main);
}

export interface WelcomeFacts {
  /** the parts' names as the participant reads them */
  parts: string[];
  questions: number;
  minutes: number;
}

export function showWelcome(main: HTMLElement, t: Texts, facts: WelcomeFacts, onStart: () => void): void {
  replace(main, h('section', { class: 'welcome' },
    h('h1', { tabindex: -1 }, t.welcomeTitle),
    h('p', {}, t.welcomeText),
    h('p', {}, t.welcomeParts(facts.parts.length)),
    h('ol', { class: 'welcome-parts' }, ...facts.parts.map((name) => h('li', {}, name))),
    h('p', { id: 'welcome-time' }, t.welcomeTime(facts.minutes, facts.questions)),
    h('p', {}, t.welcomeStop),
    h('div', { class: 'nav' }, h('span'), h('button', { type: 'button', class: 'primary', id: 'start', onclick: onStart }, t.start))));
  main.dataset.screen = 'welcome';
  delete main.dataset.question;
  focusHeading(main);
}

/** The pause: nothing of the answers on screen until the participant continues. */
export function showPaused(main: HTMLElement, t: Texts, onResume: () => void): void {
  replace(main, h('section', { class: 'paused' },
    h('h1', { tabindex: -1 }, t.pausedTitle),
    h('p', {}, t.pausedText),
    h('div', { class: 'nav' }, h('button', { type: 'button', class: 'primary', id: 'resume', onclick: onResume }, t.resume))));
  main.dataset.screen = 'paused';
  delete main.dataset.question;
  focusHeading(main);
}

export function showReview(main: HTMLElement, t: Texts, lang: Language, sequence: Question[], answers: Record<string, Answers>, missing: Question[],
  handlers: { onChange(key: string): void; onSubmit(): void }): void {
  const rows = sequence.map((q) => {
    const value = answers[q.form.name]?.[q.field.name];
    const isMissing = missing.includes(q);
    return h('li', { class: isMissing ? 'review-item missing' : 'review-item', 'data-key': q.key },
      h('span', { class: 'review-question' }, questionText(q.field, lang)),
      h('span', { class: 'review-answer' }, hasAnswer(q.field, value) ? answerText(q, t, lang, value) : t.notAnswered),
      h('button', { type: 'button', class: 'secondary change', onclick: () => handlers.onChange(q.key) },
        t.change, h('span', { class: 'visually-hidden' }, `: ${questionText(q.field, lang)}`)));
  });
  const submit = h('button', { type: 'button', class: 'primary', id: 'submit', disabled: missing.length > 0 }, t.submit);
  submit.addEventListener('click', () => {
    submit.disabled = true; // one submit, however often it is tapped
    handlers.onSubmit();
  });
  replace(main, h('section', { class: 'review' },
    h('h1', { tabindex: -1 }, t.reviewTitle),
    h('p', {}, t.reviewIntro),
    missing.length > 0 ? h('p', { class: 'field-error', role: 'alert' }, t.missing(missing.length)) : null,
    missing.length > 0 ? h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'first-missing', onclick: () => handlers.onChange(missing[0].key) }, t.firstMissing)) : null,
    h('ol', { class: 'review-list' }, ...rows),
    h('div', { class: 'nav' }, submit)));
  main.dataset.screen = 'review';
  focusHeading(main);
}

export function showThanks(main: HTMLElement, t: Texts, waiting: boolean, onDone: () => void): void {
  replace(main, h('section', { class: 'thanks' },
    h('h1', { tabindex: -1 }, t.thanksTitle),
    h('p', {}, t.thanksText),
    waiting ? h('p', {}, t.thanksWaiting) : null,
    h('div', { class: 'nav' }, h('button', { type: 'button', class: 'primary', onclick: onDone }, t.done))));
  main.dataset.screen = 'thanks';
  focusHeading(main);
}
