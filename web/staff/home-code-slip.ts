/**
 * The home-code slip: a printable note for the participant with the full
 * address of the questionnaire, the code in groups of 3-3-4 to read aloud
 * or type, how long it works, in the participant's language (picked here,
 * starting with the site's tablet language; the staff page around it stays
 * in the staff member's language). Printing shows the slip alone
 * (staff.css, @media print). The address is also a QR code (qr-code.ts).
 * The code exists only in this answer of the
 * server (it is stored hashed), so the slip is made from it at once.
 */
import { h, replace } from '../modules/dom';
import { LANGUAGE_NAMES, LOCALES, STAFF_LANGUAGES, language, type Language } from './i18n';
import { CATALOGUES, formatMessage, t, type MessageKey, type Params } from './texts/index';
import { qrCodeSvg } from './qr-code';

export interface HomeCode {
  studyId: string;
  code: string;
  /** the code in groups to read aloud ("K7Q MXP 2WRT") */
  grouped: string;
  expiresAt: string;
  /** the questionnaire's full address, or null when the server does not know it */
  url: string | null;
  /** the site's tablet language, or null */
  language: Language | null;
}

/** A slip text in the slip's language (not the staff page's). */
function slipText(lang: Language, key: MessageKey, params: Params = {}): string {
  return formatMessage(CATALOGUES[lang][key], params, LOCALES[lang]);
}

function until(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

function slipBody(code: HomeCode, lang: Language): HTMLElement {
  return h('div', { class: 'slip-body', lang },
    h('h3', {}, slipText(lang, 'slip.title')),
    h('p', {}, slipText(lang, 'slip.open')),
    h('p', { class: 'slip-url', id: 'slip-url' }, code.url ?? '______________________________'),
    // the address as a QR code for a phone's camera (the code itself is typed, never in the QR code)
    code.url ? h('div', { class: 'slip-qr' }, qrCodeSvg(code.url, slipText(lang, 'slip.qr'))) : null,
    h('p', {}, slipText(lang, 'slip.enter')),
    h('p', { class: 'slip-code', id: 'slip-code', 'aria-label': code.code.split('').join(' ') }, code.grouped),
    h('p', { id: 'slip-valid' }, slipText(lang, 'slip.valid', { until: until(lang, code.expiresAt) })),
    h('p', {}, slipText(lang, 'slip.private')),
    h('p', {}, slipText(lang, 'slip.help')));
}

/** The slip with its language buttons and the print button (those two are not printed). */
export function homeCodeSlip(code: HomeCode): HTMLElement {
  let lang: Language = code.language ?? language();
  const body = h('div', {});
  const buttons = STAFF_LANGUAGES.map((l) => h('button', { type: 'button', class: 'slip-lang', lang: l, 'data-lang': l, onclick: () => show(l) }, LANGUAGE_NAMES[l]));
  const show = (next: Language) => {
    lang = next;
    replace(body, slipBody(code, lang));
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  };
  show(lang);
  return h('section', { class: 'slip', id: 'home-code-slip', 'aria-label': t('tablet.print') },
    h('div', { class: 'slip-controls no-print', role: 'group', 'aria-label': t('tablet.slipLanguage') }, h('span', {}, `${t('tablet.slipLanguage')}: `), ...buttons),
    code.url ? null : h('p', { class: 'hint no-print', id: 'slip-no-address' }, t('tablet.noAddress')),
    body,
    h('p', { class: 'no-print' }, h('button', { type: 'button', class: 'primary', id: 'print-slip', onclick: () => window.print() }, t('tablet.print'))));
}
