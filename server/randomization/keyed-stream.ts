/**
 * Deterministic random stream keyed by the sealed randomization seed.
 *
 * Every random number used by allocation comes from
 * HMAC-SHA256(seed, label ‖ 0x00 ‖ counter): without the seed the output is
 * indistinguishable from random (HMAC is a PRF), with the seed the trial
 * statistician can reproduce every block and every minimisation draw. Labels
 * name what the numbers are for ("block|<stratum>|<index>",
 * "minimisation|<n>"), so streams never overlap. Integers are drawn by
 * rejection sampling, so they carry no modulo bias.
 */
import { createHmac } from 'node:crypto';

export class KeyedStream {
  private buffer = Buffer.alloc(0);
  private offset = 0;
  private counter = 0;

  constructor(
    private readonly seed: Buffer,
    private readonly label: string,
  ) {
    if (seed.length < 16) throw new Error('randomization seed must be at least 16 bytes');
  }

  private refill(): void {
    const hmac = createHmac('sha256', this.seed);
    hmac.update(this.label, 'utf8');
    hmac.update(Buffer.from([0]));
    const counterBytes = Buffer.alloc(4);
    counterBytes.writeUInt32BE(this.counter++);
    hmac.update(counterBytes);
    this.buffer = hmac.digest();
    this.offset = 0;
  }

  /** Next unsigned 32-bit integer of the stream. */
  nextUint32(): number {
    if (this.offset + 4 > this.buffer.length) this.refill();
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  /** Uniform integer in [0, n) without modulo bias. */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new Error('nextInt requires an integer between 1 and 2^32');
    const limit = Math.floor(2 ** 32 / n) * n;
    for (;;) {
      const value = this.nextUint32();
      if (value < limit) return value % n;
    }
  }

  /** Uniform number in [0, 1) with 32 bits of resolution. */
  nextUnit(): number {
    return this.nextUint32() / 2 ** 32;
  }
}
