-- A check value of each secret key in the secrets folder (server/secrets.ts):
-- HMAC-SHA256 of a fixed label under the key, never the key itself. With it
-- the server and every command refuse a key file that is missing, damaged or
-- from another database instead of silently making a new one. `origin` says
-- whether the key was made with this database ('created') or an existing key
-- file was recorded when a database from before this table was upgraded
-- ('recorded').
CREATE TABLE secret_checks (
  name TEXT PRIMARY KEY CHECK (name GLOB '[a-z0-9]*' AND length(name) <= 63),
  check_value TEXT NOT NULL CHECK (length(check_value) = 64 AND check_value NOT GLOB '*[^0-9a-f]*'),
  origin TEXT NOT NULL CHECK (origin IN ('created', 'recorded')),
  recorded_at TEXT NOT NULL
) STRICT;
