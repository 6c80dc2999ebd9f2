/**
 * The singular or plural of a tablet text for a count, by the language's
 * plural rules (Intl.PluralRules: "1 fråga" / "2 frågor"). Browsers without
 * Intl.PluralRules (Safari 12) fall back to "one" for 1: right for Swedish,
 * Danish and English.
 */
import type { Language } from '../modules/store';

export interface PluralForms {
  one: string;
  other: string;
}

const rules = new Map<Language, Intl.PluralRules | null>();

function category(lang: Language, n: number): string {
  if (!rules.has(lang)) rules.set(lang, typeof Intl !== 'undefined' && typeof Intl.PluralRules === 'function' ? new Intl.PluralRules(lang) : null);
  return rules.get(lang)?.select(n) ?? (n === 1 ? 'one' : 'other');
}

/** `forms.one` or `forms.other` for `n` in `lang`. */
export function plural(lang: Language, n: number, forms: PluralForms): string {
  return category(lang, n) === 'one' ? forms.one : forms.other;
}
