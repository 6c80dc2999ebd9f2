-- Why staff accepted a questionnaire answered outside its timepoint's window
-- (window_start … window_end of its assessment): NULL for an answer inside
-- the window. Without a reason an out-of-window answer is refused. Exported
-- as the flag `out_of_window` (0/1) in assessments.csv; the reason itself is
-- free text and never exported (it is in the audit trail).
ALTER TABLE responses ADD COLUMN out_of_window_reason TEXT
  CHECK (out_of_window_reason IS NULL OR length(trim(out_of_window_reason)) BETWEEN 1 AND 500);
