/**
 * The staff workspace's language: Svenska, Dansk or English, chosen in the
 * header and remembered per browser (localStorage); until a choice is made,
 * the browser's language decides (sv → Swedish, da → Danish, anything else →
 * English). `<html lang>` follows the choice, and dates and numbers are
 * formatted with Intl in its locale.
 */
import type { Language } from '../../data-dictionary/types';

export type { Language };
export const STAFF_LANGUAGES: readonly Language[] = ['sv', 'da', 'en'];
/** Each language's name in itself, as the selector shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { sv: 'Svenska', da: 'Dansk', en: 'English' };
/** The Intl locale of each language (English as written in Europe: day before month). */
export const LOCALES: Record<Language, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };
export const STORAGE_KEY = 'ips-trial.staff-language';

const isLanguage = (value: unknown): value is Language => STAFF_LANGUAGES.includes(value as Language);

/** The language to use: a remembered choice if valid, else from the browser's language tag. */
export function pickLanguage(stored: string | null | undefined, browserLanguage: string | undefined): Language {
  if (isLanguage(stored)) return stored;
  const primary = String(browserLanguage ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'sv' ? 'sv' : primary === 'da' ? 'da' : 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the browser's language still applies
  }
}

let current: Language | undefined;

/** The language in use (decided on first call). */
export function language(): Language {
  if (!current) {
    current = pickLanguage(readStored(), typeof navigator === 'undefined' ? undefined : navigator.language);
    if (typeof document !== 'undefined') document.documentElement.lang = current;
  }
  return current;
}

/** Switches the language, remembers it in this browser and sets `<html lang>`. */
export function setLanguage(lang: Language): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, but still used for this page
  }
  document.documentElement.lang = lang;
}

export const locale = (): string => LOCALES[language()];

/** A number in the chosen locale (1 234 in Swedish, 1.234 in Danish, 1,234 in English). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A calendar date `YYYY-MM-DD` in the chosen locale; anything else is returned unchanged. */
export function formatDate(value: unknown, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const text = String(value ?? '');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return text;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }).format(date);
}

/** A point in time (ISO 8601 with time) in the chosen locale and the browser's time zone. */
export function formatDateTime(value: unknown): string {
  const text = String(value ?? '');
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return formatDate(text);
  const date = new Date(text.includes('T') ? text : text.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The short weekday name of a UTC date (Mon, mån, man.). */
export function weekdayShort(date: Date): string {
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' }).format(date);
}
