import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../../analysis/stats/normal-quantile';

describe('analysis/stats/normal-quantile', () => {
  // R 4.2: sprintf("%.17g", qnorm(c(0.975, 0.001, 0.3, 0.5, 1e-10)))
  it('agrees with R qnorm to 1e-12 in the body and 1e-9 in the far tail', () => {
    const cases: [number, number][] = [[0.975, 1.959963984540054], [0.001, -3.0902323061678132], [0.3, -0.52440051270804067], [0.5, 0]];
    for (const [p, z] of cases) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-12 * Math.max(1, Math.abs(z)));
    expect(Math.abs(normalQuantile(1e-10) + 6.3613409024040557)).toBeLessThan(1e-9);
  });
  it('returns infinities at 0 and 1', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
  it('throws outside [0, 1]', () => expect(() => normalQuantile(1.2)).toThrow('between 0 and 1'));
});
