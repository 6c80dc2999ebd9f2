/**
 * Encryption of participant identifiers at rest.
 *
 * One 32-byte master key lives in a key file in the secrets directory (never
 * in the database). Two sub-keys are derived from it with HKDF-SHA256: one
 * for AES-256-GCM (each value gets a fresh 12-byte nonce; stored as
 * base64 "v1.<nonce>.<tag>.<ciphertext>", with the participant's row id as
 * additional authenticated data so a ciphertext cannot be moved to another
 * participant), and one for HMAC-SHA256 "blind indexes" of normalised
 * national ids, which let the database reject duplicates without ever
 * holding the number itself.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface IdentifierKeys {
  encryption: Buffer;
  blindIndex: Buffer;
}

export function deriveIdentifierKeys(masterKey: Buffer): IdentifierKeys {
  if (masterKey.length !== 32) throw new Error('identifier key must be 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  return { encryption: derive('ips-trial identifiers aes-256-gcm v1'), blindIndex: derive('ips-trial identifiers blind index v1') };
}

export function encryptIdentifier(keys: IdentifierKeys, plaintext: string, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', nonce.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join('.');
}

export function decryptIdentifier(keys: IdentifierKeys, stored: string, context: string): string {
  const [version, nonce, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !nonce || !tag || ciphertext === undefined) throw new Error('stored identifier has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(nonce, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
}

/** Keyed HMAC of a normalised national id ("SE:" or "DK:" prefixed). */
export function blindIndex(keys: IdentifierKeys, kind: 'SE' | 'DK', normalised: string): string {
  return createHmac('sha256', keys.blindIndex).update(`${kind}:${normalised}`, 'utf8').digest('hex');
}
