/**
 * Key files in the secrets directory (config.secretsDir, default
 * data/secrets, never inside the database): `identifier-key` (32 bytes,
 * encrypts identifiers and keys their duplicate check) and
 * `randomization-seed` (32 bytes, the sealed seed of the allocation
 * sequence). A missing file is created once with random bytes and mode 0600;
 * an existing file of the wrong size stops the server rather than silently
 * using a different key. Losing the identifier key makes identifiers
 * unreadable; losing the seed makes the sequence irreproducible: back both
 * up apart from the database (see docs/operations.md).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const IDENTIFIER_KEY_FILE = 'identifier-key';
export const RANDOMIZATION_SEED_FILE = 'randomization-seed';

const cache = new Map<string, Buffer>();

export function loadOrCreateKeyFile(secretsDir: string, name: string, bytes = 32): Buffer {
  const file = path.join(path.resolve(secretsDir), name);
  const cached = cache.get(file);
  if (cached) return cached;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(bytes).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== bytes) throw new Error(`key file ${file} must hold ${bytes} bytes in base64, found ${key.length}`);
  cache.set(file, key);
  return key;
}
