-- Allocations (concealed randomization). One row per participant, written
-- once: triggers refuse UPDATE and DELETE. The sequence itself is never
-- stored: blocks are recomputed from the sealed seed (secrets directory) and
-- the number of allocations already made in the stratum. A wrong allocation
-- is corrected only by an admin through allocation_corrections (reason
-- required, original kept); the effective arm is the latest correction.
CREATE TABLE allocations (
  participant_id INTEGER PRIMARY KEY REFERENCES participants (id) ON DELETE RESTRICT,
  arm TEXT NOT NULL CHECK (arm IN ('ips', 'control')),
  method TEXT NOT NULL CHECK (method IN ('blocks', 'minimisation')),
  stratum TEXT NOT NULL,
  stratum_position INTEGER NOT NULL CHECK (stratum_position >= 0),
  factor_levels_json TEXT NOT NULL,
  seed_fingerprint TEXT NOT NULL,
  randomized_on TEXT NOT NULL,
  allocated_at TEXT NOT NULL,
  allocated_by INTEGER REFERENCES users (id),
  UNIQUE (method, stratum, stratum_position)
) STRICT;

CREATE INDEX allocations_stratum ON allocations (stratum);

CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
BEGIN
  SELECT RAISE(ABORT, 'allocations are final: UPDATE refused (use an allocation correction)');
END;

CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
BEGIN
  SELECT RAISE(ABORT, 'allocations are final: DELETE refused');
END;

CREATE TABLE allocation_corrections (
  id INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES allocations (participant_id) ON DELETE RESTRICT,
  previous_arm TEXT NOT NULL CHECK (previous_arm IN ('ips', 'control')),
  corrected_arm TEXT NOT NULL CHECK (corrected_arm IN ('ips', 'control')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  corrected_by INTEGER REFERENCES users (id),
  corrected_at TEXT NOT NULL
) STRICT;

CREATE INDEX allocation_corrections_participant ON allocation_corrections (participant_id);
