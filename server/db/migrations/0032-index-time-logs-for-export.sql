-- A covering index for the anonymized export (server/export): the time logs
-- of each participant in participant order are read from the index alone,
-- without a table lookup per row (the export's largest table: tens of logs
-- per participant).
CREATE INDEX time_logs_export ON time_logs (participant_id, log_scope, log_date, staff_role, activity, minutes);
