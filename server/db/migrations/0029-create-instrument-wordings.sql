-- The instrument wording the study supplies (EQ-5D's licensed text, the GSE
-- translation it uses), loaded by an admin on the Instrument wording page.
-- Each load is a new row: the latest is in use, earlier ones stay as the
-- history (who loaded which text when). `wording_json` has the shape of the
-- IPS_LICENSED_WORDING file (data-dictionary/licensed-wording.ts); when that
-- file is set it is used instead and loading here is refused.
CREATE TABLE instrument_wordings (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (length(trim(source)) > 0),
  wording_json TEXT NOT NULL CHECK (json_valid(wording_json)),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  loaded_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
) STRICT;
