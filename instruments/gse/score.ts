/**
 * General Self-Efficacy Scale (GSE) scoring: the sum of 10 items scored 1–4
 * (range 10–40), computed when at most 3 items are missing, with each missing
 * item replaced by the mean of the person's answered items (sum × 10 /
 * answered). Rule and sources: instruments/gse/README.md.
 */
import gse from './v1.json';

/** Answers in item order (gse_01 … gse_10) or keyed by field name; null/undefined = missing. */
export type GseAnswers = readonly (number | null | undefined)[] | Readonly<Record<string, number | null | undefined>>;

export interface GseScore {
  /** 10–40, unrounded when prorated; null when more than 3 items are missing */
  score: number | null;
  /** number of items answered (0–10) */
  answered: number;
  /** true when the score was prorated from 7–9 answered items */
  imputed: boolean;
}

/** Thrown for an answer outside 1–4 or an answer set of the wrong shape. */
export class GseError extends Error {
  override readonly name = 'GseError';
}

function itemValues(items: GseAnswers): (number | null | undefined)[] {
  if (Array.isArray(items)) {
    if (items.length !== gse.items.length) throw new GseError(`scoreGse requires ${gse.items.length} items, got ${items.length}`);
    return [...items];
  }
  const record = items as Readonly<Record<string, number | null | undefined>>;
  const unknown = Object.keys(record).filter((key) => !gse.items.includes(key));
  if (unknown.length > 0) throw new GseError(`scoreGse got unknown item ${unknown.join(', ')} (expected ${gse.items[0]} … ${gse.items.at(-1)})`);
  return gse.items.map((name) => record[name]);
}

/**
 * General Self-Efficacy Scale total score.
 *
 * @throws {GseError} when an answer is not a whole number from 1 to 4, or the
 *   answers are not 10 items / named gse_01 … gse_10
 * @example scoreGse([4, 3, 3, 2, 4, 3, 3, 2, 4, 3]) // { score: 31, answered: 10, imputed: false }
 * @example scoreGse([3, 3, 3, 3, 3, 3, 3, null, null, null]) // { score: 30, answered: 7, imputed: true }
 */
export function scoreGse(items: GseAnswers): GseScore {
  const values = itemValues(items);
  const problems: string[] = [];
  let sum = 0;
  let answered = 0;
  values.forEach((value, i) => {
    if (value === null || value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < gse.itemRange.min || value > gse.itemRange.max) {
      problems.push(`${gse.items[i]} is ${typeof value === 'number' ? String(value) : JSON.stringify(value)}, expected a whole number from ${gse.itemRange.min} to ${gse.itemRange.max}`);
      return;
    }
    sum += value;
    answered += 1;
  });
  if (problems.length > 0) throw new GseError(problems.join('; '));
  const missing = gse.items.length - answered;
  if (missing > gse.maxMissing) return { score: null, answered, imputed: false };
  return { score: (sum * gse.items.length) / answered, answered, imputed: missing > 0 };
}
