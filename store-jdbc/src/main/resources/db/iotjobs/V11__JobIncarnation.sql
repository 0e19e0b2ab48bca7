-- Fleet scale (issue 12): a job row's incarnation, a random non-zero number given at its insert, so that a node's
-- cache of job facts (keyed by job id, incarnation and revision) never takes a job deleted and created again, whose
-- revisions start over, for the one it cached. Jobs stored before this are incarnation 0, which no insert gives; rows
-- inserted by a node of an earlier version have none, and are never cached.
ALTER TABLE iotjobs_job ADD COLUMN incarnation BIGINT;
UPDATE iotjobs_job SET incarnation = 0;
