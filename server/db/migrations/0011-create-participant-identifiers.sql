-- Identifiers, apart from research data and encrypted at rest: every *_enc
-- column is AES-256-GCM ciphertext ("v1.nonce.tag.ciphertext", base64) under
-- a key kept in a key file in the secrets directory, never in the database.
-- national_id_index is a keyed HMAC-SHA256 of the normalised personnummer /
-- CPR ("SE:YYYYMMDDNNNC", "DK:DDMMYYSSSS"): unique, so a person cannot be
-- enrolled twice, yet the number itself is not stored in clear.
CREATE TABLE participant_identifiers (
  participant_id INTEGER PRIMARY KEY REFERENCES participants (id) ON DELETE RESTRICT,
  national_id_kind TEXT NOT NULL CHECK (national_id_kind IN ('SE', 'DK')),
  national_id_index TEXT NOT NULL UNIQUE CHECK (length(national_id_index) = 64),
  national_id_enc TEXT NOT NULL,
  name_enc TEXT NOT NULL,
  phone_enc TEXT,
  email_enc TEXT,
  address_enc TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
