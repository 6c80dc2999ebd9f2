/**
 * Stratified permuted blocks of random size.
 *
 * Block k of a stratum is built from the keyed stream
 * "block|<stratum>|<k>": its size is drawn uniformly from the study's block
 * sizes (default 2, 4, 6) and it holds equal numbers of `ips` and `control`
 * in a Fisher–Yates shuffled order. Blocks are computed on demand from the
 * seed, so a stratum never runs out and no sequence is stored anywhere: the
 * database only holds how many allocations each stratum has made.
 */
import type { Arm } from './arms';
import { KeyedStream } from './keyed-stream';

export const DEFAULT_BLOCK_SIZES: readonly number[] = [2, 4, 6];

export function checkBlockSizes(sizes: readonly number[]): void {
  if (sizes.length === 0) throw new Error('block sizes must not be empty');
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 2 || size % 2 !== 0) {
      throw new Error(`block size ${size} must be an even integer of at least 2 (1:1 allocation)`);
    }
  }
}

/** The k-th block (0-based) of a stratum. */
export function permutedBlock(seed: Buffer, stratum: string, blockIndex: number, sizes: readonly number[] = DEFAULT_BLOCK_SIZES): Arm[] {
  checkBlockSizes(sizes);
  const stream = new KeyedStream(seed, `block|${stratum}|${blockIndex}`);
  const size = sizes[stream.nextInt(sizes.length)];
  const block: Arm[] = [];
  for (let i = 0; i < size; i++) block.push(i < size / 2 ? 'ips' : 'control');
  for (let i = size - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    [block[i], block[j]] = [block[j], block[i]];
  }
  return block;
}

/**
 * The arm of the n-th allocation (0-based) in a stratum: walks the blocks
 * from the first. Cost grows with n / mean block size HMACs, which is
 * negligible at trial sizes (hundreds per stratum).
 */
export function blockAllocationAt(seed: Buffer, stratum: string, position: number, sizes: readonly number[] = DEFAULT_BLOCK_SIZES): Arm {
  if (!Number.isInteger(position) || position < 0) throw new Error('position must be a non-negative integer');
  let remaining = position;
  for (let blockIndex = 0; ; blockIndex++) {
    const block = permutedBlock(seed, stratum, blockIndex, sizes);
    if (remaining < block.length) return block[remaining];
    remaining -= block.length;
  }
}

/** Sequential allocator for one run over many arrivals (used by the simulation). */
export class BlockAllocator {
  private readonly state = new Map<string, { blockIndex: number; block: Arm[]; position: number }>();

  constructor(
    private readonly seed: Buffer,
    private readonly sizes: readonly number[] = DEFAULT_BLOCK_SIZES,
  ) {
    checkBlockSizes(sizes);
  }

  next(stratum: string): Arm {
    let entry = this.state.get(stratum);
    if (!entry) {
      entry = { blockIndex: 0, block: permutedBlock(this.seed, stratum, 0, this.sizes), position: 0 };
      this.state.set(stratum, entry);
    }
    if (entry.position >= entry.block.length) {
      entry.blockIndex += 1;
      entry.block = permutedBlock(this.seed, stratum, entry.blockIndex, this.sizes);
      entry.position = 0;
    }
    return entry.block[entry.position++];
  }
}
