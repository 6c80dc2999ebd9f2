-- Tablet access for participants. A tablet session is opened by a staff
-- member for ONE participant (kind 'clinic', closed only with that staff
-- member's PIN, stored as an scrypt hash) or by redeeming a personal
-- one-time home code (kind 'home'). Only SHA-256 hashes of the session token
-- and of the home code are stored.
CREATE TABLE tablet_sessions (
  token_hash TEXT PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('clinic', 'home')),
  opened_by INTEGER REFERENCES users (id),
  pin_hash TEXT,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  closed_at TEXT,
  CHECK (kind = 'home' OR pin_hash IS NOT NULL)
) STRICT;

CREATE TABLE home_codes (
  code_hash TEXT PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
