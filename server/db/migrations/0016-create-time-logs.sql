-- Coaches' work, in minutes: per participant (log_scope 'participant') or
-- per site for work not tied to one person (e.g. employer development).
CREATE TABLE time_logs (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
  participant_id INTEGER REFERENCES participants (id) ON DELETE RESTRICT,
  log_scope TEXT NOT NULL CHECK (log_scope IN ('participant', 'site')),
  log_date TEXT NOT NULL,
  staff_role TEXT NOT NULL CHECK (staff_role IN ('ips_specialist', 'municipal_coach', 'other')),
  activity TEXT NOT NULL CHECK (activity IN ('participant_meeting', 'employer_contact', 'team_meeting', 'benefits_counselling', 'travel', 'other')),
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((log_scope = 'participant') = (participant_id IS NOT NULL))
) STRICT;

CREATE INDEX time_logs_staff ON time_logs (staff_id, log_date);
CREATE INDEX time_logs_participant ON time_logs (participant_id);
