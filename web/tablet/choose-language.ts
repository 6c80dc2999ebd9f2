/**
 * The language the tablet opens in. The participant's own choice wins for
 * as long as their session lasts (it is kept on the session's record, so a
 * reload keeps it); otherwise the site's setting (the study setting
 * `tabletLanguage`); otherwise the first of the browser's languages the
 * questionnaire has (navigator.languages: "da-DK" → Danish); otherwise
 * Swedish.
 */
import type { Language } from '../modules/store';

export const TABLET_LANGUAGES: readonly Language[] = ['sv', 'da', 'en'];

export interface LanguageSources {
  /** chosen by the participant in this session (or on the locked screen before it opened) */
  chosen?: Language | null;
  /** the site's setting; null or absent: follow the browser */
  site?: string | null;
  /** the browser's preferred languages, most preferred first (BCP 47 tags) */
  browser?: readonly string[];
}

export function isTabletLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (TABLET_LANGUAGES as readonly string[]).includes(value);
}

/** The first of `tags` (e.g. "sv-SE", "en-GB") whose language the tablet has, by its primary subtag. */
export function browserLanguage(tags: readonly string[]): Language | undefined {
  for (const tag of tags) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isTabletLanguage(primary)) return primary;
  }
  return undefined;
}

export function chooseLanguage({ chosen, site, browser = [] }: LanguageSources): Language {
  if (isTabletLanguage(chosen)) return chosen;
  if (isTabletLanguage(site)) return site;
  return browserLanguage(browser) ?? 'sv';
}
