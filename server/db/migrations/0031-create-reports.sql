-- ICER reports generated from the live database (server/services/reports.ts):
-- the settings used, the SHA-256 of the dataset they were computed from, the
-- progress while the analysis runs, then result.json and report.html.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('icer')),
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  stage TEXT,
  settings_json TEXT NOT NULL,
  dataset_sha256 TEXT,
  result_json TEXT,
  report_html TEXT,
  error TEXT,
  requested_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;
