import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { poolRubin } from '../../../../analysis/imputation/pool-rubin';

// Golden values: test/reference/mice-pool-scalar.R (R 4.2.2, mice 3.15.0, mice::pool.scalar)
const golden = JSON.parse(readFileSync(new URL('../../../reference/mice-pool-scalar.json', import.meta.url), 'utf8')) as {
  cases: { name: string; Q: number[]; U: number[]; completeDf: number | null; qbar: number; ubar: number; b: number; t: number; df: number; r: number; fmi: number }[];
};

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));

describe('analysis/imputation/pool-rubin', () => {
  for (const c of golden.cases) {
    it(`agrees with mice::pool.scalar: ${c.name}`, () => {
      const pooled = poolRubin(c.Q, c.U, c.completeDf ?? Infinity);
      close(pooled.estimate, c.qbar);
      close(pooled.withinVariance, c.ubar);
      close(pooled.betweenVariance, c.b);
      close(pooled.totalVariance, c.t);
      close(pooled.df, c.df);
      close(pooled.relativeIncrease, c.r);
      close(pooled.fractionMissingInformation, c.fmi);
      close(pooled.standardError, Math.sqrt(c.t));
    });
  }

  it('throws with fewer than two estimates or mismatched lengths', () => {
    expect(() => poolRubin([1], [1], Infinity)).toThrow('at least two');
    expect(() => poolRubin([1, 2], [1], Infinity)).toThrow('one variance per estimate');
  });
});
