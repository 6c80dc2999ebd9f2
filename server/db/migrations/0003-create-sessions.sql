-- Login sessions. The cookie holds a random token; only its SHA-256 is stored,
-- so a copy of the database cannot be used to log in. Each session has its
-- own CSRF token, sent back by the client in the X-CSRF-Token header.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT;

CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins, for lockout per account (keyed by the hash of the email
-- typed, so unknown emails behave exactly like known ones) and per IP address.
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  email_key TEXT NOT NULL,
  ip TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE INDEX login_failures_email ON login_failures (email_key, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);
