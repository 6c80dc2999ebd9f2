-- Facts about this database: whether the demo study was seeded (and so the
-- demo never runs twice), when the database was created.
CREATE TABLE app_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
