-- Corrections of stored records, one history for every kind: a complete
-- questionnaire response, a time log, an employment episode, a process
-- status or a fidelity review corrected (or an episode / time log deleted)
-- by staff with a reason. The record itself holds the current value (what
-- exports, scores and completion use); this table keeps every earlier one:
-- before_json is the whole record before the change, after_json the whole
-- record after it (NULL for a deletion), changes_json the changed fields
-- only ({"answers.eq5d_mo": {"before": 2, "after": 3}, …}). Append-only
-- (triggers), like the audit trail that carries the same change.
CREATE TABLE record_corrections (
  id INTEGER PRIMARY KEY,
  record_kind TEXT NOT NULL CHECK (record_kind IN ('response', 'time_log', 'employment_episode', 'process_status', 'fidelity_review')),
  record_id INTEGER NOT NULL CHECK (record_id > 0),
  participant_id INTEGER REFERENCES participants (id) ON DELETE RESTRICT,
  site_id INTEGER REFERENCES sites (id) ON DELETE RESTRICT,
  action TEXT NOT NULL CHECK (action IN ('correct', 'delete')),
  before_json TEXT NOT NULL,
  after_json TEXT CHECK ((action = 'delete') = (after_json IS NULL)),
  changes_json TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
  corrected_by INTEGER REFERENCES users (id),
  corrector TEXT NOT NULL,
  corrected_at TEXT NOT NULL
) STRICT;

CREATE INDEX record_corrections_record ON record_corrections (record_kind, record_id, id);
CREATE INDEX record_corrections_participant ON record_corrections (participant_id, id);

CREATE TRIGGER record_corrections_no_update BEFORE UPDATE ON record_corrections
BEGIN
  SELECT RAISE(ABORT, 'record corrections are history: UPDATE refused');
END;

CREATE TRIGGER record_corrections_no_delete BEFORE DELETE ON record_corrections
BEGIN
  SELECT RAISE(ABORT, 'record corrections are history: DELETE refused');
END;
