/**
 * Seeds. The study's sealed seed is 32 random bytes in a file in the secrets
 * directory (never in the database); the simulation command takes a text
 * seed and hashes it to 32 bytes so runs are reproducible from the command
 * line.
 */
import { createHash } from 'node:crypto';

export function seedFromText(text: string): Buffer {
  if (text.length === 0) throw new Error('seed must not be empty');
  return createHash('sha256').update(`ips-trial simulation seed|${text}`, 'utf8').digest();
}

/** A short public fingerprint of a seed (lets the statistician confirm they hold the right one). */
export function seedFingerprint(seed: Buffer): string {
  return createHash('sha256').update('ips-trial seed fingerprint|').update(seed).digest('hex').slice(0, 16);
}
