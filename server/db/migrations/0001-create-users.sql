-- Staff accounts. Passwords are stored only as scrypt hashes
-- ("scrypt$N$r$p$salt$hash", base64). Accounts are deactivated, never deleted,
-- so the audit trail keeps pointing at them.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  role TEXT NOT NULL CHECK (role IN ('admin', 'trial_manager', 'coach', 'evaluator', 'data_monitor')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
) STRICT;
