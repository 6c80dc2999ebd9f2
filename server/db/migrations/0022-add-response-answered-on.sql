-- The date the participant answered a questionnaire (YYYY-MM-DD): the
-- tablet's completion date, or the date staff key in from a paper form. It,
-- not the save time, dates the response in the schedule, CONSORT and the
-- export (assessments.csv `day`). Rows saved before this column existed get
-- the date of their save (completion, else the last save); a column added to
-- a table cannot be NOT NULL without a default, so the services always set it.
ALTER TABLE responses ADD COLUMN answered_on TEXT
  CHECK (answered_on IS NULL OR (length(answered_on) = 10 AND answered_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'));

UPDATE responses SET answered_on = substr(COALESCE(completed_at, updated_at), 1, 10) WHERE answered_on IS NULL;
