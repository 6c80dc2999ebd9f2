/**
 * The staff workspace's text catalogue: every word the staff pages show that
 * does not come from the data dictionary (form, field, choice and section
 * labels have their sv/da/en there). English (`en.ts`) defines the keys;
 * Swedish (`sv.ts`) and Danish (`da.ts`) must have every key with the same
 * placeholders. NOTE: the Swedish and Danish wording is ours and awaits
 * review by a native-speaking trial coordinator.
 */
import { formatNumber, language, locale, type Language } from '../i18n';
import { da } from './da';
import { en, type Catalogue, type MessageKey } from './en';
import type { Message } from './message';
import { sv } from './sv';

export type { Catalogue, Message, MessageKey };
export const CATALOGUES: Record<Language, Catalogue> = { sv, da, en };

export type Params = Record<string, string | number>;

/** The `{name}` placeholders of a message (all its plural forms together), sorted. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : [message.one, message.other];
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\{([a-zA-Z]+)\}/g)) names.add(match[1]);
  return [...names].sort();
}

/** The text of `message` for `params`: plural form by `count`, numbers in the locale's style. */
export function formatMessage(message: Message, params: Params, localeTag: string): string {
  const text = typeof message === 'string' ? message
    : new Intl.PluralRules(localeTag).select(Number(params.count ?? 0)) === 'one' ? message.one : message.other;
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(localeTag).format(value) : value;
  });
}

/** Whether `key` is a key of the catalogue (for codes that come from the server). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The message `key` in the chosen language with `params` filled in. */
export function t(key: MessageKey, params: Params = {}): string {
  const message = CATALOGUES[language()][key] ?? en[key];
  return formatMessage(message, params, locale());
}

/** Like `t`, but a parameter may be a DOM node (a link inside a sentence): text and nodes in order. */
export function tNodes(key: MessageKey, params: Record<string, string | number | Node>): (string | Node)[] {
  const message = CATALOGUES[language()][key] ?? en[key];
  const text = typeof message === 'string' ? message : message.other;
  return text.split(/(\{[a-zA-Z]+\})/).filter((part) => part !== '').map((part) => {
    const name = /^\{([a-zA-Z]+)\}$/.exec(part)?.[1];
    if (!name || params[name] === undefined) return part;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
