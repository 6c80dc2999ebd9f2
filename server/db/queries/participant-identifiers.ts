/** Queries on `participant_identifiers` (ciphertexts and the blind index only). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface IdentifierRow {
  participant_id: number;
  national_id_kind: 'SE' | 'DK';
  national_id_index: string;
  national_id_enc: string;
  name_enc: string;
  phone_enc: string | null;
  email_enc: string | null;
  address_enc: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'participant_id, national_id_kind, national_id_index, national_id_enc, name_enc, phone_enc, email_enc, address_enc, created_at, updated_at';

export function findIdentifiers(db: Db, participantId: number): IdentifierRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM participant_identifiers WHERE participant_id = ?`).get(participantId) as IdentifierRow | undefined;
}

export function findByNationalIdIndex(db: Db, index: string): { participant_id: number } | undefined {
  return statement(db, 'SELECT participant_id FROM participant_identifiers WHERE national_id_index = ?').get(index) as { participant_id: number } | undefined;
}

export function upsertIdentifiers(db: Db, row: Omit<IdentifierRow, 'created_at' | 'updated_at'>, now: string): void {
  statement(
    db,
    `INSERT INTO participant_identifiers (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (participant_id) DO UPDATE SET national_id_kind = excluded.national_id_kind, national_id_index = excluded.national_id_index,
       national_id_enc = excluded.national_id_enc, name_enc = excluded.name_enc, phone_enc = excluded.phone_enc, email_enc = excluded.email_enc,
       address_enc = excluded.address_enc, updated_at = excluded.updated_at`,
  ).run(row.participant_id, row.national_id_kind, row.national_id_index, row.national_id_enc, row.name_enc, row.phone_enc, row.email_enc, row.address_enc, now, now);
}
