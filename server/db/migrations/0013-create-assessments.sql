-- The follow-up schedule made at randomization: one row per participant and
-- timepoint (0, 6, 12, 18, 24 months) with the target date and the window.
-- The state (upcoming/open/overdue/completed/missed/withdrawn) is never
-- stored: it is computed by server/schedule/assessment-state.ts.
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
  timepoint INTEGER NOT NULL CHECK (timepoint IN (0, 6, 12, 18, 24)),
  target_date TEXT NOT NULL,
  window_start TEXT NOT NULL,
  window_end TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (participant_id, timepoint),
  CHECK (window_start <= target_date AND target_date <= window_end)
) STRICT;

CREATE INDEX assessments_window ON assessments (window_start, window_end);
