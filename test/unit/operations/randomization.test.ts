import { describe, expect, it } from 'vitest';
import { simulateRandomization } from '../../../server/randomization/simulate';
import { seedFromText } from '../../../server/randomization/seed';
import { BlockAllocator, blockAllocationAt, permutedBlock } from '../../../server/randomization/permuted-blocks';
import { KeyedStream } from '../../../server/randomization/keyed-stream';
import { addToMarginals, imbalanceIfAssigned, minimisationAllocation, type MarginalCounts } from '../../../server/randomization/minimisation';
import { ageBand, factorLevels, stratumKey } from '../../../server/randomization/strata';

const seed = seedFromText('unit-test seed');

describe('server/randomization/permuted-blocks', () => {
  it('builds balanced blocks of the allowed sizes', () => {
    const sizes = new Set<number>();
    for (let k = 0; k < 300; k++) {
      const block = permutedBlock(seed, 'ORE-AFF', k);
      sizes.add(block.length);
      expect(block.filter((arm) => arm === 'ips').length).toBe(block.length / 2);
    }
    expect([...sizes].sort()).toEqual([2, 4, 6]);
  });

  it('gives the same arm from the position formula as from the sequential allocator', () => {
    const allocator = new BlockAllocator(seed);
    for (let n = 0; n < 200; n++) expect(blockAllocationAt(seed, 'S1', n)).toBe(allocator.next('S1'));
  });

  it('uses every ordering of a block of four about equally often', () => {
    const counts = new Map<string, number>();
    for (let k = 0; k < 6000; k++) {
      const block = permutedBlock(seed, 'S', k, [4]).join(',');
      counts.set(block, (counts.get(block) ?? 0) + 1);
    }
    expect(counts.size).toBe(6); // C(4,2) orderings
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('rejects odd block sizes', () => {
    expect(() => permutedBlock(seed, 'S', 0, [3])).toThrow(/even integer/);
  });
});

describe('server/randomization/keyed-stream', () => {
  it('draws integers without bias and reproducibly', () => {
    const a = new KeyedStream(seed, 'x');
    const b = new KeyedStream(seed, 'x');
    const tally = [0, 0, 0];
    for (let i = 0; i < 30000; i++) {
      const value = a.nextInt(3);
      expect(b.nextInt(3)).toBe(value);
      tally[value] += 1;
    }
    for (const count of tally) expect(Math.abs(count - 10000)).toBeLessThan(400);
  });

  it('refuses a short seed', () => {
    expect(() => new KeyedStream(Buffer.alloc(8), 'x')).toThrow(/at least 16 bytes/);
  });
});

describe('server/randomization/simulate (10,000 participants)', () => {
  const result = simulateRandomization({ participants: 10_000, strata: 12, seed, method: 'blocks' });

  it('never lets a stratum drift more than half the largest block from 1:1', () => {
    expect(result.maxStratumImbalance).toBeLessThanOrEqual(3);
    for (const row of result.strata) expect(Math.abs(row.ips - row.control)).toBeLessThanOrEqual(3);
  });

  it('splits the trial near 1:1 and allocates everyone', () => {
    expect(result.overall.ips + result.overall.control).toBe(10_000);
    expect(Math.abs(result.overall.ips - result.overall.control)).toBeLessThanOrEqual(12 * 3);
    expect(result.strata.reduce((sum, row) => sum + row.ips + row.control, 0)).toBe(10_000);
  });

  it('is reproducible with the seed and different with another seed', () => {
    expect(simulateRandomization({ participants: 10_000, strata: 12, seed, method: 'blocks' })).toEqual(result);
    const allocations = (text: string) => {
      const allocator = new BlockAllocator(seedFromText(text));
      return Array.from({ length: 200 }, () => allocator.next('S01')).join('');
    };
    expect(allocations('unit-test seed')).toBe(allocations('unit-test seed'));
    expect(allocations('another seed')).not.toBe(allocations('unit-test seed'));
  });

  it('keeps minimisation near balance in every stratum', () => {
    const minimised = simulateRandomization({ participants: 10_000, strata: 12, seed, method: 'minimisation' });
    expect(minimised.overall.ips + minimised.overall.control).toBe(10_000);
    for (const row of minimised.strata) expect(Math.abs(row.ips - row.control)).toBeLessThanOrEqual(10);
  });
});

describe('server/randomization/minimisation', () => {
  it('prefers the arm that reduces the summed marginal imbalance', () => {
    const counts: MarginalCounts = new Map();
    addToMarginals(counts, { site: 'A', sex: 'female' }, 'ips');
    addToMarginals(counts, { site: 'A', sex: 'male' }, 'ips');
    const levels = { site: 'A', sex: 'female' };
    expect(imbalanceIfAssigned(counts, levels, 'ips')).toBe(3 + 2);
    expect(imbalanceIfAssigned(counts, levels, 'control')).toBe(1 + 0);
    let control = 0;
    for (let n = 0; n < 2000; n++) if (minimisationAllocation(seed, n, counts, levels, 0.8) === 'control') control += 1;
    expect(control / 2000).toBeGreaterThan(0.76);
    expect(control / 2000).toBeLessThan(0.84);
  });
});

describe('server/randomization/strata', () => {
  it('makes stratum keys from site and optional factors', () => {
    expect(stratumKey(factorLevels({ siteCode: 'ORE-AFF' }, { bySex: false, ageBandCuts: null }))).toBe('ORE-AFF');
    expect(stratumKey(factorLevels({ siteCode: 'ORE-DBT', sex: 'female', ageYears: 29 }, { bySex: true, ageBandCuts: [30] }))).toBe('ORE-DBT|sex=female|age=<30');
    expect(ageBand(30, [30])).toBe('30+');
    expect(ageBand(45, [30, 50])).toBe('30-49');
  });
});

describe('server/randomization/replay', () => {
  it('reproduces stored allocations and names any that the seed does not give', async () => {
    const { replayAllocations } = await import('../../../server/randomization/replay');
    const allocator = new BlockAllocator(seed);
    const rows = Array.from({ length: 30 }, (_, i) => {
      const stratum = i % 3 === 0 ? 'A' : 'B';
      return { label: `P${i}`, arm: allocator.next(stratum), method: 'blocks' as const, stratum, stratumPosition: 0, drawIndex: i, factorLevels: { site: stratum } };
    });
    const positions = new Map<string, number>();
    for (const row of rows) {
      row.stratumPosition = positions.get(row.stratum) ?? 0;
      positions.set(row.stratum, row.stratumPosition + 1);
    }
    const settings = { blockSizes: [2, 4, 6], minimisationProbability: 0.8 };
    expect(replayAllocations(seed, rows, settings)).toEqual({ checked: 30, mismatches: [] });
    const tampered = rows.map((r, i) => (i === 7 ? { ...r, arm: r.arm === 'ips' ? ('control' as const) : ('ips' as const) } : r));
    expect(replayAllocations(seed, tampered, settings).mismatches).toEqual([{ label: 'P7', stored: tampered[7].arm, expected: rows[7].arm }]);
    expect(replayAllocations(seedFromText('other'), rows, settings).mismatches.length).toBeGreaterThan(0);
  });
});
