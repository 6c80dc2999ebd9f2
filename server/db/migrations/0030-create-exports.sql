-- Anonymized exports of the analysis dataset (server/export). One row per
-- export made through the web: where the folder lies in the server's exports
-- directory, the options, row counts and the SHA-256 of each file (the same
-- facts also go to the audit trail). Exports from the command line are only
-- in the audit trail (their folder is the user's).
CREATE TABLE exports (
  id INTEGER PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  options_json TEXT NOT NULL,
  folder TEXT,
  manifest_json TEXT,
  error TEXT,
  requested_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;
