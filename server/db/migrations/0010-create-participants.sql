-- Participants of the trial (research side: no identifiers here, see
-- participant_identifiers). The study id is "<site code>-<4-digit number>"
-- numbered per site in referral order (e.g. ORE-AFF-0007); it reveals the
-- site and the order of referral at that site, nothing about the allocation.
-- Screening, consent and withdrawal are one row each per participant; their
-- whole dictionary form is kept in answers_json, the fields that drive the
-- trial flow are also columns (with CHECKs).
CREATE TABLE participants (
  id INTEGER PRIMARY KEY,
  study_id TEXT NOT NULL UNIQUE,
  site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
  site_sequence INTEGER NOT NULL CHECK (site_sequence >= 1),
  referral_source TEXT NOT NULL CHECK (referral_source IN ('psychiatry', 'self_referral', 'other')),
  referral_date TEXT NOT NULL CHECK (referral_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  on_waiting_list INTEGER NOT NULL CHECK (on_waiting_list IN (0, 1)),
  referral_json TEXT NOT NULL,
  coach_id INTEGER REFERENCES users (id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (site_id, site_sequence)
) STRICT;

CREATE INDEX participants_site ON participants (site_id);
CREATE INDEX participants_coach ON participants (coach_id);

CREATE TABLE screenings (
  participant_id INTEGER PRIMARY KEY REFERENCES participants (id) ON DELETE RESTRICT,
  screening_date TEXT NOT NULL,
  eligible INTEGER NOT NULL CHECK (eligible IN (0, 1)),
  not_eligible_reason TEXT CHECK ((eligible = 1 AND not_eligible_reason IS NULL) OR (eligible = 0 AND not_eligible_reason IS NOT NULL)),
  answers_json TEXT NOT NULL,
  screened_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE consents (
  participant_id INTEGER PRIMARY KEY REFERENCES participants (id) ON DELETE RESTRICT,
  consent_version TEXT NOT NULL,
  consent_date TEXT NOT NULL,
  consent_research INTEGER NOT NULL CHECK (consent_research IN (0, 1)),
  consent_info_exchange INTEGER NOT NULL CHECK (consent_info_exchange IN (0, 1)),
  answers_json TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE withdrawals (
  participant_id INTEGER PRIMARY KEY REFERENCES participants (id) ON DELETE RESTRICT,
  withdrawal_date TEXT NOT NULL,
  withdrawal_data_use TEXT NOT NULL CHECK (withdrawal_data_use IN ('collected_and_registers', 'collected_only', 'none')),
  answers_json TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
