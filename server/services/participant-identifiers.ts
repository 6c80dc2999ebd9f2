/**
 * Participant identifiers: validation of the national id (personnummer or
 * CPR), the duplicate check through the keyed blind index, encryption of
 * every identifier field, and the role-filtered view.
 */
import type { Config } from '../config';
import type { Db } from '../db/connection';
import { findByNationalIdIndex, findIdentifiers, upsertIdentifiers } from '../db/queries/participant-identifiers';
import { problems } from '../errors';
import { checkCpr } from '../identity/cpr';
import { blindIndex, decryptIdentifier, deriveIdentifierKeys, encryptIdentifier, type IdentifierKeys } from '../identity/identifier-cipher';
import { IDENTIFIER_KEY, trialSecret } from '../secrets';
import { checkPersonnummer } from '../identity/personnummer';
import type { Answers } from './operations-forms';
import type { IdentifierAccess } from './participant-access';
import { recordAudit, type AuditActor } from './audit';

export type NationalIdKind = 'SE' | 'DK';

/** The keys derived from the database's identifier key (checked: a missing or foreign key file throws). */
export function identifierKeys(db: Db, config: Pick<Config, 'secretsDir'>): IdentifierKeys {
  return deriveIdentifierKeys(trialSecret(db, config.secretsDir, IDENTIFIER_KEY));
}

export interface CheckedNationalId {
  kind: NationalIdKind;
  normalised: string;
  birthDate: string;
  warnings: string[];
}

export function checkNationalId(kind: NationalIdKind, value: string, today: string): CheckedNationalId {
  const check = kind === 'SE' ? checkPersonnummer(value, today) : checkCpr(value, today);
  if (!check.ok) throw problems.invalidBody([{ field: 'identity.personal_number', message: check.message }]);
  return { kind, normalised: check.normalised, birthDate: check.birthDate, warnings: check.warnings };
}

const CONTACT_FIELDS = ['person_name', 'person_phone'];

/** Encrypts and stores the identity form; refuses a national id already registered to another participant (409). */
export function storeIdentifiers(db: Db, keys: IdentifierKeys, participantId: number, identity: Answers, nationalId: CheckedNationalId, now: string): void {
  const index = blindIndex(keys, nationalId.kind, nationalId.normalised);
  const existing = findByNationalIdIndex(db, index);
  if (existing && existing.participant_id !== participantId) {
    throw problems.conflict('This personnummer/CPR number is already registered for another participant', [
      { field: 'identity.personal_number', message: 'personal_number is already registered' },
    ]);
  }
  const context = `participant:${participantId}`;
  const enc = (value: unknown) => (typeof value === 'string' && value.length > 0 ? encryptIdentifier(keys, value, context) : null);
  const address = ['street_address', 'postal_code', 'postal_town'].some((f) => identity[f] !== undefined)
    ? JSON.stringify({ street_address: identity.street_address ?? null, postal_code: identity.postal_code ?? null, postal_town: identity.postal_town ?? null })
    : null;
  upsertIdentifiers(
    db,
    {
      participant_id: participantId,
      national_id_kind: nationalId.kind,
      national_id_index: index,
      national_id_enc: encryptIdentifier(keys, nationalId.normalised, context),
      name_enc: encryptIdentifier(keys, String(identity.person_name), context),
      phone_enc: enc(identity.person_phone),
      email_enc: enc(identity.person_email),
      address_enc: enc(address),
    },
    now,
  );
}

/** The identifiers this role may see (null when none). */
export function readIdentifiers(db: Db, keys: IdentifierKeys, participantId: number, access: IdentifierAccess): Record<string, unknown> | null {
  if (access === 'none') return null;
  const row = findIdentifiers(db, participantId);
  if (!row) return null;
  const context = `participant:${participantId}`;
  const dec = (value: string | null) => (value === null ? null : decryptIdentifier(keys, value, context));
  const address = row.address_enc ? (JSON.parse(dec(row.address_enc)!) as Record<string, unknown>) : {};
  const all: Record<string, unknown> = {
    person_name: dec(row.name_enc),
    personal_number: dec(row.national_id_enc),
    national_id_kind: row.national_id_kind,
    person_phone: dec(row.phone_enc),
    person_email: dec(row.email_enc),
    street_address: address.street_address ?? null,
    postal_code: address.postal_code ?? null,
    postal_town: address.postal_town ?? null,
  };
  if (access === 'all') return all;
  return Object.fromEntries(CONTACT_FIELDS.map((f) => [f, all[f]]));
}

/**
 * The identifiers this role may see, for a staff member who asked to see
 * them (the participant page's "Show name and contact"): each call is one
 * audit entry (action "read", entity "participant_identifiers", the study
 * id, who and when) naming the fields shown, never their values.
 */
export function revealIdentifiers(db: Db, keys: IdentifierKeys, actor: AuditActor, participant: { id: number; study_id: string }, access: IdentifierAccess): Record<string, unknown> | null {
  const identifiers = readIdentifiers(db, keys, participant.id, access);
  const fields = identifiers ? Object.keys(identifiers).filter((f) => identifiers[f] !== null && f !== 'national_id_kind').sort() : [];
  recordAudit(db, { actor, action: 'read', entity: 'participant_identifiers', entityId: participant.study_id, after: { fields } });
  return identifiers;
}

/**
 * The participant whose personnummer or CPR number is exactly `text` (any
 * usual spelling: with or without century, dash or plus), found through the
 * keyed blind index — names and numbers are encrypted with a random IV, so
 * this is the only search on the number that does not decrypt every row.
 */
export function participantWithNationalId(db: Db, keys: IdentifierKeys, text: string, today: string): number | null {
  if (!/^[0-9+\- ]{10,15}$/.test(text)) return null;
  for (const [kind, check] of [['SE', checkPersonnummer], ['DK', checkCpr]] as const) {
    const result = check(text.replace(/ /g, ''), today);
    if (!result.ok) continue;
    const row = findByNationalIdIndex(db, blindIndex(keys, kind, result.normalised));
    if (row) return row.participant_id;
  }
  return null;
}
