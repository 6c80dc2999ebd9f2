-- SUS registrations (System för uppföljning av samverkan, the coordination
-- associations' follow-up system): one start and one end registration per
-- participant of the funded intervention, captured by staff where it happens
-- (forms sus_start and sus_end of the data dictionary, whole form in
-- answers_json). registration_date is the form's start or end date;
-- consent (start only) says whether the person is registered in SUS with
-- personal identity number (1) or as an anonymous participant (0).
-- entered_on is the day someone entered the registration into SUS itself
-- (SUS has no API: staff copy it from the printed SUS sheet). A correction
-- updates the row; the audit trail keeps the earlier values and the reason.
CREATE TABLE sus_registrations (
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('start', 'end')),
  registration_date TEXT NOT NULL CHECK (registration_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  consent INTEGER CHECK ((kind = 'start' AND consent IN (0, 1)) OR (kind = 'end' AND consent IS NULL)),
  answers_json TEXT NOT NULL,
  entered_on TEXT CHECK (entered_on IS NULL OR entered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  recorded_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (participant_id, kind)
) STRICT;

CREATE INDEX sus_registrations_date ON sus_registrations (kind, registration_date);
