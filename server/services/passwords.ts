/**
 * Password hashing with scrypt (node:crypto): a random 16-byte salt per
 * password, cost N = 2^16, r = 8, p = 1 by default (64 MiB and
 * 0.1–1 s per check depending on the machine; config.passwordCost), stored as `scrypt$N$r$p$salt$hash` so the cost can be raised
 * later without breaking old hashes. Comparison is timing-safe.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { problems } from '../errors';
import { guessabilityProblem } from './password-guessability';

const KEY_LENGTH = 32;

/** scrypt cost parameters; the production default is config.passwordCost. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 16, r: 8, p: 1 });
export const MIN_PASSWORD_LENGTH = 10;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, cost);
  const { N, r, p } = cost;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  const key = await scryptAsync(password, salt, { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash no password matches, at `cost`: checked for unknown emails so they take as long as known ones. */
export function unmatchableHash(cost: ScryptCost = DEFAULT_SCRYPT_COST): string {
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;
}

function guessable(password: string, field: string, email?: string): string | null {
  const problem = guessabilityProblem(password, email ? [email, ...email.split(/[@.]/)] : []);
  return problem ? `${field} ${problem}` : null;
}

/**
 * Throws invalid_body naming `field` when the password is too weak: shorter
 * than MIN_PASSWORD_LENGTH, the email itself, or easy to guess
 * (password-guessability.ts).
 */
export function checkPasswordStrength(password: string, field: string, email?: string): void {
  const message =
    password.length < MIN_PASSWORD_LENGTH
      ? `${field} must be at least ${MIN_PASSWORD_LENGTH} characters`
      : email && password.toLowerCase() === email.toLowerCase()
        ? `${field} must not be the email address`
        : guessable(password, field, email);
  if (message) throw problems.invalidBody([{ field, message }]);
}
