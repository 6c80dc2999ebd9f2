/**
 * The summary `ips-trial analyze` prints: a negative ICER (IPS dominates or is
 * dominated) is never printed as a bare ratio; the quadrant is said in words.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, EffectAnalysis, Quadrant } from '../../../analysis/result';
import { formatSummary } from '../../../server/bin/commands/analyze-summary';

function analysis(cost: number, effect: number, quadrant: Quadrant): EffectAnalysis {
  return {
    analysed: { ips: 30, control: 30 },
    mean: { ips: { cost: 1000 + cost, effect: 1 + effect }, control: { cost: 1000, effect: 1 } },
    incremental: { cost, effect },
    icer: cost / effect,
    quadrant,
    ci95: { cost: [cost - 500, cost + 500], effect: [effect - 1, effect + 1] },
    ceac: [{ wtp: 0, probability: 0.5 }],
  };
}

function summary(qaly: EffectAnalysis, employment: EffectAnalysis): string {
  const result: AnalysisResult = {
    n: { ips: 30, control: 30 },
    qaly,
    employment,
    bootstrap: { replicates: 1000, seed: 1 },
    settings: { currency: 'SEK', priceYear: 2025, bootstrap: { interval: 'percentile' } },
    dataset: { sha256: 'x' },
  };
  return formatSummary(result, '/tmp/out');
}

describe('analyze summary', () => {
  it('prints no negative ratio when IPS dominates or is dominated, and says which', () => {
    const text = summary(analysis(-12345, 0.05, 'SE'), analysis(4321, -7, 'NW'));
    const icerLines = text.split('\n').filter((line) => line.includes('ICER'));
    expect(icerLines).toHaveLength(2);
    for (const line of icerLines) expect(line).not.toMatch(/ICER [-−]?\d/);
    expect(icerLines[0]).toContain('IPS dominates');
    expect(icerLines[1]).toContain('IPS is dominated');
  });

  it('prints the ratio with currency and price year in the NE and SW quadrants', () => {
    const text = summary(analysis(10000, 0.05, 'NE'), analysis(-500, -2, 'SW'));
    expect(text).toContain('ICER 200,000 SEK (2025 prices) per QALY');
    expect(text).toContain('ICER 250 SEK (2025 prices) per employment day');
  });
});
