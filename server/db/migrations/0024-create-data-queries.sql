-- Data queries (REDCap's data resolution workflow): a data monitor questions
-- one field of one record of a participant; staff answer; the monitor closes
-- or re-opens. Each step is a comment row (who, when, what was said); the
-- query's state is the state after its latest step.
CREATE TABLE data_queries (
  id INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
  record_kind TEXT NOT NULL CHECK (record_kind IN ('participant', 'response', 'episode', 'time_log', 'status')),
  form TEXT,
  timepoint INTEGER CHECK (timepoint IS NULL OR timepoint >= 0),
  record_id INTEGER CHECK (record_id IS NULL OR record_id > 0),
  field_name TEXT NOT NULL CHECK (length(field_name) BETWEEN 1 AND 64),
  state TEXT NOT NULL CHECK (state IN ('open', 'answered', 'closed')),
  opened_by INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (record_kind <> 'response' OR (form IS NOT NULL AND timepoint IS NOT NULL))
) STRICT;

CREATE INDEX data_queries_participant ON data_queries (participant_id);
CREATE INDEX data_queries_state ON data_queries (state);

CREATE TABLE data_query_comments (
  id INTEGER PRIMARY KEY,
  data_query_id INTEGER NOT NULL REFERENCES data_queries (id) ON DELETE RESTRICT,
  step TEXT NOT NULL CHECK (step IN ('open', 'answer', 'close', 'reopen')),
  comment TEXT NOT NULL CHECK (length(comment) BETWEEN 1 AND 2000),
  author_id INTEGER REFERENCES users (id),
  author TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX data_query_comments_query ON data_query_comments (data_query_id);
