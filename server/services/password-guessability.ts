/**
 * How easily a password is guessed, with zxcvbn-ts (the common-password,
 * name and word lists of @zxcvbn-ts/language-common, keyboard patterns,
 * repeats, sequences and dates). A staff password must reach score 3 of 4
 * ("safely unguessable: moderate protection from offline slow-hash
 * scenario"); whitespace-only passwords and those with fewer than five
 * different characters are refused outright. The dictionaries are
 * registered with zxcvbn on the first check.
 */
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

export const MIN_GUESSABILITY_SCORE = 3;
const MIN_DISTINCT_CHARACTERS = 5;

let ready = false;

/** Why `password` is too easy to guess, in words, or null when it is strong enough. */
export function guessabilityProblem(password: string, userInputs: string[] = []): string | null {
  if (password.trim() === '') return 'is only spaces';
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) return `uses fewer than ${MIN_DISTINCT_CHARACTERS} different characters`;
  if (!ready) {
    zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    ready = true;
  }
  const result = zxcvbn(password, userInputs);
  if (result.score >= MIN_GUESSABILITY_SCORE) return null;
  return 'is too easy to guess (a common password, a word with a few digits, a keyboard pattern or a date); use a longer phrase of unrelated words';
}
