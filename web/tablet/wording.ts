/**
 * The site's licensed instrument wording on the tablet (EQ-5D: see
 * docs/data-dictionary.md). The server hands it to the open tablet session
 * (GET /api/tablet-session/wording; it is never part of the built pages),
 * the tablet keeps it on the session's record in IndexedDB, so a reload
 * offline shows the same text, and lays it over the bundled forms. Only
 * labels change: names, codes and answers are the same with or without it.
 */
import { applyLicensedWording, wordingCompleteness, type LicensedWording } from '../../data-dictionary/licensed-wording';
import type { Form } from '../../data-dictionary/types';
import type { Language, SessionRecord } from '../modules/store';
import { TABLET_FORMS } from './forms';

export type { LicensedWording };

/** A session record with the wording it was opened with (null: the site has none). */
export type WordedSession = SessionRecord & { wording?: LicensedWording | null };

let last: { wording: LicensedWording | null | undefined; forms: Form[] } = { wording: undefined, forms: TABLET_FORMS };

/** The tablet's forms as the session shows them: with its licensed wording, or the neutral labels. */
export function sessionForms(session: SessionRecord): Form[] {
  const wording = (session as WordedSession).wording;
  if (!wording) return TABLET_FORMS;
  if (last.wording === wording) return last.forms;
  let forms = TABLET_FORMS;
  try {
    // the wording names only forms the tablet bundles (the server checked it against the whole dictionary)
    const bundled = new Set(TABLET_FORMS.map((f) => f.name));
    const ours = { ...wording, forms: Object.fromEntries(Object.entries(wording.forms).filter(([name]) => bundled.has(name))) };
    forms = applyLicensedWording(TABLET_FORMS, ours);
  } catch (error) {
    // wording this build cannot place (another server version): the neutral labels, never a broken questionnaire
    console.error('licensed wording not applied', error);
  }
  last = { wording, forms };
  return forms;
}

/**
 * Whether the form shows the project's neutral placeholders in `lang`: its
 * wording belongs to the instrument's owners and the study has not supplied
 * all of it in that language (the demo study; the part header says so).
 */
export function showsPlaceholders(session: SessionRecord, formName: string, lang: Language): boolean {
  const form = TABLET_FORMS.filter((f) => f.name === formName);
  const state = wordingCompleteness(form, (session as WordedSession).wording ?? null).find((c) => c.language === lang);
  return state !== undefined && !state.complete;
}
