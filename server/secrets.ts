/**
 * Secret keys kept outside the database file, in the secrets directory
 * (config.secretsDir, default data/secrets/): the identifier encryption key,
 * the randomization seed, the export HMAC key. `readOrCreateSecret` makes a
 * random key on first use (directory 0700, file 0600, never overwritten) and
 * reads it afterwards. Back the directory up together with the database, but
 * separately from it: without it, encrypted identifiers cannot be read and
 * the allocation sequence cannot be reproduced (docs/server.md).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Encrypts identifiers and keys their duplicate check (operations). */
export const IDENTIFIER_KEY = 'identifier-key';
/** The sealed seed of the allocation sequence (randomization). */
export const RANDOMIZATION_SEED = 'randomization-seed';

/** The file that holds the secret `name`: `<secretsDir>/<name>.key`, hexadecimal. */
export function secretFile(secretsDir: string, name: string): string {
  if (!NAME.test(name)) throw new Error(`secret name '${name}' must be lower-case letters, digits and hyphens`);
  return path.join(secretsDir, `${name}.key`);
}

/** The bytes of a secret file (e.g. a seed file named on the command line). */
export function readSecretFile(file: string, bytes?: number): Buffer {
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^([0-9a-f]{2})+$/.test(hex)) throw new Error(`secret file ${file} is damaged (expected hexadecimal)`);
  const key = Buffer.from(hex, 'hex');
  if (bytes !== undefined && key.length !== bytes) throw new Error(`secret file ${file} must hold ${bytes} bytes, found ${key.length}`);
  return key;
}

/** The key `name` (e.g. 'identifier-key') as bytes, created with `bytes` random bytes if missing. */
export function readOrCreateSecret(secretsDir: string, name: string, bytes = 32): Buffer {
  const file = secretFile(secretsDir, name);
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${randomBytes(bytes).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readSecretFile(file, bytes);
}
