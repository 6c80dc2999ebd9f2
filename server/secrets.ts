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

/** The key `name` (e.g. 'identifier-key') as bytes, created with `bytes` random bytes if missing. */
export function readOrCreateSecret(secretsDir: string, name: string, bytes = 32): Buffer {
  if (!NAME.test(name)) throw new Error(`secret name '${name}' must be lower-case letters, digits and hyphens`);
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  const file = path.join(secretsDir, `${name}.key`);
  try {
    writeFileSync(file, `${randomBytes(bytes).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^([0-9a-f]{2})+$/.test(hex)) throw new Error(`secret file ${file} is damaged (expected hexadecimal)`);
  return Buffer.from(hex, 'hex');
}
