-- Group targets expanded in batches (SPEC J3, C4): a job whose groups reach more things than one batch owes the rest,
-- which due work adds batch by batch in thing-name order.
-- expansion_targets: JSON array of the positions in the job's targets still being expanded; NULL when nothing is
-- owed (the conditional completion reads it: a job owing an expansion is not complete).
-- expansion_after: the last thing the expansion reached, NULL before the first.
ALTER TABLE iotjobs_job ADD COLUMN expansion_targets VARCHAR;
ALTER TABLE iotjobs_job ADD COLUMN expansion_after VARCHAR;
