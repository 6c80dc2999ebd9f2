/**
 * The one mapping from the server's problem codes (server/errors.ts:
 * `{ error: { code, message, fields? } }`) to a sentence in the chosen
 * language: `problem.<code>` in the staff catalogue (texts/). The server's
 * English message is never shown to staff; an unknown code gets a general
 * sentence naming the code. test/unit/web/problem-texts.test.ts checks that
 * every code the server can send has a sentence in sv, da and en.
 */
import { ApiError } from '../modules/api';
import { hasMessage, t } from './texts/index';

/** The sentence for a failed request (or the error's own text when it is not from the API). */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const key = `problem.${error.code}`;
  return hasMessage(key) ? t(key) : t('problem.unknown', { code: error.code });
}
