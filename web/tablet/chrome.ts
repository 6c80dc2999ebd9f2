/**
 * The frame around every tablet screen: the title, the language picker
 * (always visible), the save state (an aria-live region) and, in clinic
 * kiosk mode, the staff exit that asks for the PIN.
 */
import { h, replace } from '../modules/dom';
import type { Language } from '../modules/store';
import type { SyncState } from '../modules/sync';
import { LANGUAGE_NAMES, TEXTS, type Texts } from './texts';

export interface Chrome {
  main: HTMLElement;
  setLanguage(lang: Language): void;
  showSync(state: SyncState, hasAnswers: boolean): void;
  showExit(visible: boolean): void;
}

export interface ChromeHandlers {
  onLanguage(lang: Language): void;
  /** returns an error text to show, or undefined when the session was closed */
  onExit(pin: string): Promise<string | undefined>;
}

export function createChrome(root: HTMLElement, initial: Language, handlers: ChromeHandlers): Chrome {
  let lang = initial;
  let t: Texts = TEXTS[lang];
  const title = h('p', { class: 'app-title' });
  const saveState = h('p', { id: 'save-state', class: 'save-state', role: 'status', 'aria-live': 'polite' });
  const languageButtons = (Object.keys(LANGUAGE_NAMES) as Language[]).map((code) =>
    h('button', { type: 'button', class: 'lang', lang: code, 'data-lang': code, onclick: () => handlers.onLanguage(code) }, LANGUAGE_NAMES[code]));
  const languageGroup = h('div', { class: 'languages', role: 'group' }, ...languageButtons);
  const exitButton = h('button', { type: 'button', class: 'exit', hidden: true });
  const dialog = h('dialog', { class: 'pin-dialog', 'aria-labelledby': 'pin-title' });
  const main = h('main', { id: 'main' });
  // the save state has a line of its own below the title, languages and exit,
  // so a change of its text never re-wraps the header and moves the question
  // (and the button under the participant's finger) up or down
  root.append(h('header', { class: 'bar' }, title, languageGroup, exitButton, saveState), main, dialog);
  let lastSync: { state: SyncState; hasAnswers: boolean } | undefined;

  const closeDialog = () => {
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  };
  const openPinDialog = () => {
    const input = h('input', { id: 'pin', type: 'password', inputmode: 'numeric', autocomplete: 'off', required: true });
    const error = h('p', { class: 'field-error', role: 'alert' });
    const form = h('form', { method: 'dialog' },
      h('h2', { id: 'pin-title' }, t.exit),
      h('label', { for: 'pin' }, t.pin), input, error,
      h('div', { class: 'nav' },
        h('button', { type: 'button', class: 'secondary', onclick: () => closeDialog() }, t.cancel),
        h('button', { type: 'submit', class: 'primary' }, t.exitConfirm)));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const problem = await handlers.onExit(input.value);
      if (problem) error.textContent = problem;
      else closeDialog();
    });
    replace(dialog, form);
    // older tablet browsers have no <dialog>: show it in place
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    input.focus();
  };
  exitButton.addEventListener('click', openPinDialog);

  const chrome: Chrome = {
    main,
    setLanguage(next) {
      lang = next;
      t = TEXTS[lang];
      document.documentElement.lang = lang;
      document.title = t.title;
      title.textContent = t.title;
      languageGroup.setAttribute('aria-label', t.language);
      exitButton.textContent = t.exit;
      for (const button of languageButtons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
      if (lastSync) chrome.showSync(lastSync.state, lastSync.hasAnswers);
    },
    showSync(state, hasAnswers) {
      lastSync = { state, hasAnswers };
      let text = '';
      if (state.rejected > 0) text = t.refused(state.rejected);
      else if (state.waiting > 0) text = t.waiting(state.waiting);
      else if (hasAnswers) text = t.saved;
      saveState.dataset.state = state.rejected > 0 ? 'refused' : state.waiting > 0 ? 'waiting' : 'saved';
      if (saveState.textContent !== text) saveState.textContent = text;
    },
    showExit(visible) {
      exitButton.hidden = !visible;
    },
  };
  chrome.setLanguage(initial);
  return chrome;
}
