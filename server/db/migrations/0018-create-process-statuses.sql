-- Process status of a participant (the seeds' statuses: waiting list,
-- pre-screening, the supported-employment steps, employed, studying, work
-- trial, ended with reason). Append-only history: the current status is the
-- latest status_date (ties: latest id).
CREATE TABLE process_statuses (
  id INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
  status_date TEXT NOT NULL,
  process_stage TEXT NOT NULL CHECK (process_stage IN ('waiting_list', 'pre_screening', 'agreement', 'profile', 'job_search', 'employed', 'studying', 'work_trial', 'follow_up', 'ended')),
  ended_reason TEXT CHECK ((process_stage = 'ended') = (ended_reason IS NOT NULL)),
  answers_json TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX process_statuses_participant ON process_statuses (participant_id, status_date);
