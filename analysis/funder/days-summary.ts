/**
 * Median and interquartile range (R type 7 quantiles) of days from inclusion
 * to an event, over the participants who had it by the end of the period.
 * Participants without the event are counted, not imputed (a reader should
 * see both numbers; this is not a survival estimate).
 */
import { quantileSorted } from '../stats/quantile-sorted';
import type { DaysSummary } from './types';

/** @example summarizeDays([10, 20, 30, null]) // { n: 3, without: 1, median: 20, q1: 15, q3: 25 } */
export function summarizeDays(days: readonly (number | null)[]): DaysSummary {
  const sorted = days.filter((d): d is number => d !== null).sort((a, b) => a - b);
  const without = days.length - sorted.length;
  if (sorted.length === 0) return { n: 0, without, median: null, q1: null, q3: null };
  return { n: sorted.length, without, median: quantileSorted(sorted, 0.5), q1: quantileSorted(sorted, 0.25), q3: quantileSorted(sorted, 0.75) };
}
