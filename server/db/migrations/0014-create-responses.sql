-- Questionnaire responses from tablets. client_uuid (made by the tablet) is
-- the idempotency key: one row per uuid, the highest revision kept, final
-- once complete. Only one complete response per participant, timepoint and
-- form. scores_json holds scored values with what scored them, e.g.
-- {"eq5d_index": 0.812, "value_set_id": "se-2021"} or {"gse_score": 31}.
CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  client_uuid TEXT NOT NULL UNIQUE CHECK (length(client_uuid) = 36),
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
  timepoint INTEGER NOT NULL CHECK (timepoint IN (0, 6, 12, 18, 24)),
  form TEXT NOT NULL,
  answers_json TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 0),
  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
  scores_json TEXT,
  source TEXT NOT NULL CHECK (source IN ('staff', 'tablet', 'home')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT
) STRICT;

CREATE UNIQUE INDEX responses_one_complete ON responses (participant_id, timepoint, form) WHERE complete = 1;
CREATE INDEX responses_participant ON responses (participant_id, timepoint);
