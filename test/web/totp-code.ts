/**
 * The code an authenticator app shows (RFC 4226 HOTP, SHA-1, 6 digits, of
 * the RFC 6238 30-second step), computed with node:crypto from the Base32
 * secret the server showed at enrolment: written apart from the server's own
 * module, so the tests do not check that module against itself.
 */
import { createHmac } from 'node:crypto';

export function base32ToBytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text.replace(/\s/g, '')].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  return Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
}

/** The code of time step `step` for a Base32 secret. */
export function codeAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32ToBytes(secret)).update(counter).digest();
  const offset = mac[19] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The RFC 6238 time step of now. */
export const stepNow = (): number => Math.floor(Date.now() / 30_000);
