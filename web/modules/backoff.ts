/**
 * Capped exponential backoff with jitter for the submission queue (as in
 * enketo's exponential-backoff). The n-th consecutive failure waits between
 * half and all of `min(capMs, baseMs · 2^n)` ("equal jitter"), so retries
 * from many tablets spread out but never wait longer than the cap.
 */
export interface BackoffOptions {
  /** delay after the first failure (before jitter), ms */
  baseMs?: number;
  /** the longest wait, ms (enketo uses 5 minutes) */
  capMs?: number;
  /** a number in [0, 1); injectable so tests are deterministic */
  random?: () => number;
}

export const DEFAULT_BASE_MS = 1_000;
export const DEFAULT_CAP_MS = 5 * 60_000;

/** The ceiling for the `attempt`-th retry (0-based): min(cap, base · 2^attempt). */
export function backoffCeiling(attempt: number, baseMs = DEFAULT_BASE_MS, capMs = DEFAULT_CAP_MS): number {
  if (!Number.isInteger(attempt) || attempt < 0) throw new Error(`backoff attempt must be a non-negative integer, got ${attempt}`);
  // 2^attempt overflows to Infinity for large attempts; min() keeps the cap
  return Math.min(capMs, baseMs * 2 ** Math.min(attempt, 60));
}

/** The wait before the `attempt`-th retry: a uniformly jittered value in [ceiling/2, ceiling]. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const ceiling = backoffCeiling(attempt, options.baseMs, options.capMs);
  const random = options.random ?? Math.random;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A counter of consecutive failures that hands out the next delay and resets on success. */
export class Backoff {
  private failures = 0;
  constructor(private readonly options: BackoffOptions = {}) {}

  /** Records a failure and returns how long to wait before the next try. */
  fail(): number {
    const delay = backoffDelay(this.failures, this.options);
    this.failures += 1;
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}
