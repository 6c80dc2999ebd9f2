import { describe, expect, it } from 'vitest';
import { Backoff, backoffCeiling, backoffDelay, DEFAULT_CAP_MS } from '../../../web/modules/backoff';

describe('web/modules/backoff', () => {
  it('doubles the ceiling with every failure from the base', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffCeiling(n, 1000, 60_000))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('never waits longer than the cap, however many failures', () => {
    for (const attempt of [10, 20, 100, 5000]) {
      expect(backoffCeiling(attempt)).toBe(DEFAULT_CAP_MS);
      expect(backoffDelay(attempt, { random: () => 0.999999 })).toBeLessThanOrEqual(DEFAULT_CAP_MS);
    }
  });

  it('jitters between half and all of the ceiling', () => {
    expect(backoffDelay(3, { baseMs: 1000, random: () => 0 })).toBe(4000);
    expect(backoffDelay(3, { baseMs: 1000, random: () => 0.5 })).toBe(6000);
    expect(backoffDelay(3, { baseMs: 1000, random: () => 0.999999 })).toBe(8000);
  });

  it('spreads delays when the random source varies', () => {
    let x = 0.1;
    const random = () => (x = (x * 7.13) % 1);
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(5, { random })));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('rejects a negative or fractional attempt with a clear message', () => {
    expect(() => backoffCeiling(-1)).toThrow(/non-negative integer, got -1/);
    expect(() => backoffCeiling(1.5)).toThrow(/got 1.5/);
  });

  it('grows with consecutive failures and starts over after a success', () => {
    const backoff = new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.999999 });
    expect([backoff.fail(), backoff.fail(), backoff.fail(), backoff.fail(), backoff.fail()]).toEqual([100, 200, 400, 800, 1000]);
    expect(backoff.attempts).toBe(5);
    backoff.reset();
    expect(backoff.fail()).toBe(100);
  });
});
