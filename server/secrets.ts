/**
 * Secret keys kept outside the database file, in the secrets folder
 * (config.secretsDir: by default `secrets/` beside the database file): the
 * identifier encryption key, the randomization seed, the export pid key and
 * the key that encrypts staff TOTP secrets.
 *
 * The database keeps a check value of each key (table secret_checks:
 * HMAC-SHA256 of a fixed label under the key, never the key). `trialSecret`
 * is the one way the server and the commands read a key: it refuses a key
 * file that is missing, damaged or not the one this database was made with,
 * with one line naming the file and what to restore. A key is made only
 * while nothing in the database depends on it (a new database); a key file
 * found for a database from before the check values existed is recorded
 * (upgrade). `checkTrialSecrets` runs these checks for every key when the
 * server or a command opens the database, before anything is written, so a
 * wrong folder stops the start instead of enrolling a known person twice or
 * drawing allocations from a new seed. Back the folder up with the database,
 * but apart from it (docs/operations.md).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db/connection';
import { findSecretCheck, hasSecretChecksTable, insertSecretCheck, secretInUse } from './db/queries/secret-checks';

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Encrypts identifiers and keys their duplicate check (operations). */
export const IDENTIFIER_KEY = 'identifier-key';
/** The sealed seed of the allocation sequence (randomization). */
export const RANDOMIZATION_SEED = 'randomization-seed';
/** Keys the pseudonymous pids of keyed exports. */
export const EXPORT_PID_KEY = 'export-pid-key';

/** Encrypts the TOTP secrets of staff accounts (services/totp.ts). */
export const TOTP_KEY = 'totp-key';

/** Every key of a trial database, 32 bytes each. */
export const TRIAL_SECRETS: readonly string[] = [IDENTIFIER_KEY, RANDOMIZATION_SEED, EXPORT_PID_KEY, TOTP_KEY];
const KEY_BYTES = 32;
const CHECK_LABEL = 'ips-trial secret check v1';

/** A key file that is missing, damaged or from another database: the message is one line for the operator. */
export class SecretProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretProblem';
  }
}

/** The file that holds the secret `name`: `<secretsDir>/<name>.key`, hexadecimal. */
export function secretFile(secretsDir: string, name: string): string {
  if (!NAME.test(name)) throw new Error(`secret name '${name}' must be lower-case letters, digits and hyphens`);
  return path.join(secretsDir, `${name}.key`);
}

/** The bytes of a secret file (e.g. a seed file named on the command line); throws a SecretProblem when damaged. */
export function readSecretFile(file: string, bytes?: number): Buffer {
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^([0-9a-f]{2})+$/.test(hex)) throw new SecretProblem(`secret file ${file} is damaged (expected hexadecimal)`);
  const key = Buffer.from(hex, 'hex');
  if (bytes !== undefined && key.length !== bytes) throw new SecretProblem(`secret file ${file} is damaged: it must hold ${bytes} bytes, found ${key.length}`);
  return key;
}

/** The value the database keeps to recognise a key: HMAC-SHA256 of a fixed label under the key (hex). */
export function secretCheckValue(key: Buffer): string {
  return createHmac('sha256', key).update(CHECK_LABEL).digest('hex');
}

const restore = (file: string) => `restore ${file} from the backup of the secrets folder taken with this database (or point IPS_TRIAL_SECRETS at the folder that holds it)`;

type Plan = { key: Buffer; write?: 'create' | 'record' };

/** What reading `name` would do, without writing anything; throws the SecretProblem that stops the start. */
function planSecret(db: Db, secretsDir: string, name: string): Plan {
  const file = secretFile(secretsDir, name);
  const checked = hasSecretChecksTable(db) ? findSecretCheck(db, name) : undefined;
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new SecretProblem(`secret key ${file} cannot be read (${(error as Error).message}): ${restore(file)}`);
  }
  if (text === undefined) {
    if (checked || secretInUse(db, name)) throw new SecretProblem(`secret key ${file} is missing: ${restore(file)}`);
    return { key: randomBytes(KEY_BYTES), write: 'create' };
  }
  const hex = text.trim();
  if (!/^[0-9a-f]+$/.test(hex) || hex.length !== KEY_BYTES * 2) {
    throw new SecretProblem(`secret key ${file} is damaged (expected ${KEY_BYTES * 2} hexadecimal digits): ${restore(file)}`);
  }
  const key = Buffer.from(hex, 'hex');
  if (checked && checked.check_value !== secretCheckValue(key)) {
    throw new SecretProblem(`secret key ${file} is not the key this database was made with: ${restore(file)}`);
  }
  return checked ? { key } : { key, write: 'record' };
}

function carryOut(db: Db, secretsDir: string, name: string, plan: Plan): Buffer {
  const file = secretFile(secretsDir, name);
  if (db.readonly && plan.write === 'create') throw new SecretProblem(`secret key ${file} is missing: ${restore(file)}`);
  if (!plan.write || db.readonly) return plan.key;
  let key = plan.key;
  if (plan.write === 'create') {
    mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, `${key.toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      key = readSecretFile(file, KEY_BYTES); // another process made it a moment ago
    }
  }
  insertSecretCheck(db, { name, check_value: secretCheckValue(key), origin: plan.write === 'create' ? 'created' : 'recorded', recorded_at: new Date().toISOString() });
  // another process may have recorded a different key first: the check decides
  return planSecret(db, secretsDir, name).key;
}

/** The key `name` of this database, checked against its check value (made only while nothing depends on it). */
export function trialSecret(db: Db, secretsDir: string, name: string): Buffer {
  return carryOut(db, secretsDir, name, planSecret(db, secretsDir, name));
}

/**
 * Checks every key of the database before anything is written: throws the
 * first SecretProblem (nothing created), otherwise makes the keys of a new
 * database and records the key files of an upgraded one (on a read-only
 * connection it only checks).
 */
export function checkTrialSecrets(db: Db, secretsDir: string): void {
  const plans = TRIAL_SECRETS.map((name) => [name, planSecret(db, secretsDir, name)] as const);
  if (db.readonly) return;
  db.transaction(() => {
    for (const [name, plan] of plans) carryOut(db, secretsDir, name, plan);
  })();
}
