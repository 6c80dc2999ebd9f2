import { describe, expect, it } from 'vitest';
import { matchDonors } from '../../../../analysis/imputation/match-donors';
import { createPmmWorkspace } from '../../../../analysis/imputation/pmm-workspace';
import { xoshiro128 } from '../../../../analysis/stats/xoshiro128';

describe('analysis/imputation/match-donors', () => {
  const rng = xoshiro128(12);
  const nObs = 300;
  const nMis = 60;
  const observed = Int32Array.from({ length: nObs }, (_, i) => i);
  const missing = Int32Array.from({ length: nMis }, (_, i) => nObs + i);
  // skewed predictions (like costs): most small, a few very large, some exact ties
  const predictions = Float64Array.from({ length: nObs }, (_, i) => (i % 10 === 0 ? 5 : Math.exp(8 * rng.nextFloat())));
  const targets = Float64Array.from({ length: nMis }, () => Math.exp(8 * rng.nextFloat()));
  const setup = () => {
    const ws = createPmmWorkspace(nObs + nMis, 3);
    ws.yhatObs.set(predictions);
    const y = new Float64Array(nObs + nMis).fill(NaN);
    observed.forEach((r) => (y[r] = 1000 + r)); // the value identifies the donor
    return { ws, y };
  };

  it('with one donor takes the observed row whose prediction is nearest', () => {
    const { ws, y } = setup();
    matchDonors(ws, y, observed, missing, targets, 1, rng);
    missing.forEach((row, m) => {
      const donor = y[row] - 1000;
      const best = Math.min(...Array.from(predictions, (p) => Math.abs(p - targets[m])));
      expect(Math.abs(predictions[donor] - targets[m])).toBe(best);
    });
  });

  it('with d donors takes one of the d nearest, each of them sometimes', () => {
    const chosen = new Map<number, Set<number>>();
    for (let rep = 0; rep < 200; rep++) {
      const { ws, y } = setup();
      matchDonors(ws, y, observed, missing, targets, 5, rng);
      missing.forEach((row, m) => {
        const donor = y[row] - 1000;
        const distance = Math.abs(predictions[donor] - targets[m]);
        const closer = Array.from(predictions).filter((p) => Math.abs(p - targets[m]) < distance).length;
        expect(closer).toBeLessThan(5);
        chosen.set(m, (chosen.get(m) ?? new Set()).add(donor));
      });
    }
    expect([...chosen.values()].every((donors) => donors.size >= 5)).toBe(true);
  });

  it('finds the nearest donor for targets at, between, below and above the observed predictions, and when all predictions are equal', () => {
    const keys = Float64Array.from({ length: nObs }, (_, i) => (i % 3 === 0 ? 7 : -50 + (i * 37) % 101));
    const edgeTargets = Float64Array.from({ length: nMis }, (_, m) =>
      [keys[m], -1e6, 1e6, keys[m] + 0.5, -50, 50, 7][m % 7]);
    for (const predictions of [keys, new Float64Array(nObs).fill(3)]) {
      const ws = createPmmWorkspace(nObs + nMis, 3);
      ws.yhatObs.set(predictions);
      const y = new Float64Array(nObs + nMis).fill(NaN);
      observed.forEach((r) => (y[r] = 1000 + r));
      matchDonors(ws, y, observed, missing, edgeTargets, 1, rng);
      missing.forEach((row, m) => {
        const best = Math.min(...Array.from(predictions, (p) => Math.abs(p - edgeTargets[m])));
        expect(Math.abs(predictions[y[row] - 1000] - edgeTargets[m])).toBe(best);
      });
    }
  });
});
