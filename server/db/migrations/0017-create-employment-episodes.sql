-- Jobs, studies and work trials of a participant (each row one episode; the
-- list is the history). Edits after first entry need a reason (audit trail).
CREATE TABLE employment_episodes (
  id INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
  episode_type TEXT NOT NULL CHECK (episode_type IN ('competitive', 'work_trial', 'sheltered', 'education', 'other')),
  episode_start_date TEXT NOT NULL,
  episode_end_date TEXT CHECK (episode_end_date IS NULL OR episode_end_date >= episode_start_date),
  answers_json TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX employment_episodes_participant ON employment_episodes (participant_id);
