-- Calendar feeds (iCalendar, RFC 5545) of assessment windows for staff
-- calendar programs, at a secret URL /api/calendar/<token>.ics. Only the
-- SHA-256 of the token is stored (as for sessions), so a copy of the
-- database cannot read anyone's feed. `scope` 'coach': the participants the
-- staff member coaches; 'trial': every participant of the sites they see
-- (trial managers, admins). A revoked feed answers 404; each staff member
-- has at most one feed in use (a new one revokes the old).
CREATE TABLE calendar_feeds (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scope TEXT NOT NULL CHECK (scope IN ('coach', 'trial')),
  lang TEXT NOT NULL CHECK (lang IN ('sv', 'da', 'en')),
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;

CREATE UNIQUE INDEX calendar_feeds_one_in_use ON calendar_feeds (user_id) WHERE revoked_at IS NULL;
