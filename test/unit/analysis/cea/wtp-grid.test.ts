import { describe, expect, it } from 'vitest';
import { wtpGrid } from '../../../../analysis/cea/wtp-grid';

describe('analysis/cea/wtp-grid', () => {
  it('runs from 0 to the largest WTP in 100 equal steps', () => {
    const grid = wtpGrid([0, 100000, 250000, 500000, 1000000]);
    expect(grid).toHaveLength(101);
    expect(grid[0]).toBe(0);
    expect(grid[100]).toBe(1000000);
    expect(grid[37]).toBeCloseTo(370000, 6);
  });
  it('contains every configured WTP, ascending, without duplicates', () => {
    const grid = wtpGrid([1234.5, 0, 2000, 250]);
    for (const wtp of [0, 250, 1234.5, 2000]) expect(grid).toContain(wtp);
    expect(grid).toHaveLength(103); // 101 steps of 20, plus 250 and 1234.5
    expect(grid.every((v, i) => i === 0 || v > grid[i - 1])).toBe(true);
  });
  it('runs to 1 when every WTP is 0', () => expect(wtpGrid([0]).at(-1)).toBe(1));
  it('throws for an empty or negative list', () => {
    expect(() => wtpGrid([])).toThrow('at least one');
    expect(() => wtpGrid([-1])).toThrow('≥ 0');
  });
});
