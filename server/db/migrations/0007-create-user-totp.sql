-- The TOTP second factor of staff accounts (server/services/totp.ts). The
-- secret is stored only encrypted (AES-256-GCM under a key derived from
-- secrets/totp-key.key, with the user id as additional data), never in the
-- clear. A row is 'pending' from the start of an enrolment until the staff
-- member confirms it with a code, then 'active'. `last_step` is the latest
-- time step whose code was accepted: a code is accepted only for a later step,
-- so no code can be used twice. An admin's reset deletes the row (audited).
CREATE TABLE user_totp (
  user_id INTEGER PRIMARY KEY REFERENCES users (id),
  secret_ciphertext TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'active')),
  last_step INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  CHECK ((state = 'active') = (confirmed_at IS NOT NULL))
) STRICT;
