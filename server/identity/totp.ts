/**
 * Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226) with
 * node:crypto: `hotp(key, counter)`, `totpAt(key, timeMs)`, `matchingStep`
 * (the time step a code belongs to within ±`window` steps of now, so a
 * caller can refuse a step already used), Base32 (RFC 4648) for the secret
 * shown to the authenticator app, and the `otpauth://totp/…` URI that apps
 * read (Google Authenticator key-URI format). Defaults are what every app
 * understands: SHA-1, 6 digits, 30-second steps. Pure apart from the
 * caller's clock; tested against RFC 6238 Appendix B.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  digits?: number;
  stepSeconds?: number;
  algorithm?: TotpAlgorithm;
}

const DEFAULTS = { digits: 6, stepSeconds: 30, algorithm: 'sha1' as TotpAlgorithm };

/** HOTP (RFC 4226 §5.3): dynamic truncation of HMAC(key, counter) to `digits` decimal digits. */
export function hotp(key: Buffer, counter: number, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

/** The time step of `timeMs` (RFC 6238 §4.2, T0 = 0). */
export function timeStep(timeMs: number, stepSeconds = DEFAULTS.stepSeconds): number {
  return Math.floor(timeMs / 1000 / stepSeconds);
}

/** The code for the moment `timeMs`. */
export function totpAt(key: Buffer, timeMs: number, options: TotpOptions = {}): string {
  const o = { ...DEFAULTS, ...options };
  return hotp(key, timeStep(timeMs, o.stepSeconds), o.digits, o.algorithm);
}

/**
 * The time step whose code is `code`, looking `window` steps either side of
 * `timeMs` (clock drift and typing time), or null. Compared timing-safely.
 */
export function matchingStep(key: Buffer, code: string, timeMs: number, window = 1, options: TotpOptions = {}): number | null {
  const o = { ...DEFAULTS, ...options };
  if (!new RegExp(`^[0-9]{${o.digits}}$`).test(code)) return null;
  const now = timeStep(timeMs, o.stepSeconds);
  let found: number | null = null;
  for (let step = now - window; step <= now + window; step++) {
    const expected = hotp(key, step, o.digits, o.algorithm);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code)) && found === null) found = step;
  }
  return found;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 without padding (RFC 4648 §6), as authenticator apps take secrets. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes Base32 (case-insensitive; spaces and padding ignored); throws on another character. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`'${char}' is not a Base32 character`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The key URI an authenticator app reads (from a QR code or pasted): otpauth://totp/Issuer:account?secret=…&issuer=… */
export function otpauthUri(key: Buffer, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret: base32Encode(key), issuer, algorithm: 'SHA1', digits: String(DEFAULTS.digits), period: String(DEFAULTS.stepSeconds) });
  return `otpauth://totp/${label}?${query.toString()}`;
}
