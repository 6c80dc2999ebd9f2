import { describe, expect, it } from 'vitest';
import { changeGroups } from '../../../../analysis/imputation/change-groups';
import { xoshiro128 } from '../../../../analysis/stats/xoshiro128';

/** Brute force: rows r, s of variable j's missing rows share a group exactly when every variable is missing at both or at neither. */
function check(missing: Int32Array[], n: number): void {
  const isMissing = missing.map((rows) => {
    const mask = new Uint8Array(n);
    rows.forEach((r) => (mask[r] = 1));
    return mask;
  });
  const samePattern = (r: number, s: number) => isMissing.every((mask) => mask[r] === mask[s]);
  changeGroups(missing, n).forEach((groups, j) => {
    const rows = missing[j];
    expect(groups.groupOf.length).toBe(rows.length);
    expect(new Set(groups.groupOf).size).toBe(groups.count);
    rows.forEach((r, m) => rows.forEach((s, q) => expect(groups.groupOf[m] === groups.groupOf[q]).toBe(samePattern(r, s))));
    // reach: the groups whose rows are in S_k (k observed) — or, as complement, those whose rows are not
    isMissing.forEach((mask, k) => {
      const inSk = new Set<number>();
      rows.forEach((r, m) => {
        if (mask[r] === 0) inSk.add(groups.groupOf[m]);
      });
      const listed = new Set(groups.reach[k]);
      const reached = groups.complement[k] === 1 ? new Set([...Array(groups.count).keys()].filter((g) => !listed.has(g))) : listed;
      expect([...reached].sort()).toEqual([...inSk].sort());
    });
  });
}

describe('analysis/imputation/change-groups', () => {
  it('groups each variable’s missing rows by missingness pattern, as the doc example says', () => {
    const groups = changeGroups([Int32Array.of(3), Int32Array.of(3, 4)], 5);
    expect(groups[1].count).toBe(2);
    expect(groups[0].count).toBe(1);
    // variable 0 is observed at row 4 only: a change of variable 1 reaches S_0 through row 4's group
    expect(groups[1].complement[0] === 1 ? groups[1].reach[0].length : groups[1].count - groups[1].reach[0].length).toBe(1);
  });

  it('matches a brute-force grouping for dropout-like and scattered missingness, also with more than 53 variables', () => {
    const rng = xoshiro128(21);
    for (const [n, K] of [[200, 10], [60, 60]]) {
      const dropout = Int32Array.from({ length: n }, () => rng.nextIndex(K + 1));
      const missing = Array.from({ length: K }, (_, k) =>
        Int32Array.from([...Array(n).keys()].filter((r) => (k > 0 && k >= dropout[r]) || rng.nextFloat() < 0.03)),
      );
      check(missing, n);
    }
  });
});
