/**
 * Pseudonymous participant ids for exports. `keyed`: HMAC-SHA256 of the
 * internal id under the study's export key (secrets directory, never in the
 * database), so the same person has the same pid in every export of this
 * study; `fresh`: the same construction under a random key made for this
 * export and then forgotten, so pids cannot be linked across exports. Either
 * way the pid is "P" + 16 hex digits (64 bits: a collision among 1 million
 * participants has a probability below 3·10⁻⁸).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';
import { EXPORT_PID_KEY, trialSecret } from '../secrets';

export type PidMode = 'keyed' | 'fresh';
export const PID_MODES: readonly PidMode[] = ['keyed', 'fresh'];

/** Name of the key file in the secrets directory. */
export const EXPORT_PID_SECRET = EXPORT_PID_KEY;

export type Pseudonymize = (internalId: number) => string;

/** The pid function of one export. */
export function pseudonymizer(mode: PidMode, db: Db, secretsDir: string): Pseudonymize {
  const key = mode === 'keyed' ? trialSecret(db, secretsDir, EXPORT_PID_SECRET) : randomBytes(32);
  return (internalId) => `P${createHmac('sha256', key).update(`participant:${internalId}`).digest('hex').slice(0, 16).toUpperCase()}`;
}
