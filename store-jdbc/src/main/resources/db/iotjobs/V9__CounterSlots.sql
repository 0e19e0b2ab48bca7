-- Fleet scale (issue 12): a device's counter delta goes to one of 16 slot rows of its job instead of the job row, so
-- that devices of one job do not queue behind one row lock through their commits. A job's count is its row's n_*
-- plus the sum of its slots' (a slot may be negative: a thing queued on the job row starts on some slot). Changes that
-- write the job row anyway (CreateJob, cancel, rollout steps) keep adding to the job row.
CREATE TABLE iotjobs_job_count (
    job_id        iotjobs_name NOT NULL REFERENCES iotjobs_job (job_id) ON DELETE CASCADE,
    slot          INTEGER      NOT NULL,
    n_queued      INTEGER      NOT NULL DEFAULT 0,
    n_in_progress INTEGER      NOT NULL DEFAULT 0,
    n_succeeded   INTEGER      NOT NULL DEFAULT 0,
    n_failed      INTEGER      NOT NULL DEFAULT 0,
    n_timed_out   INTEGER      NOT NULL DEFAULT 0,
    n_rejected    INTEGER      NOT NULL DEFAULT 0,
    n_removed     INTEGER      NOT NULL DEFAULT 0,
    n_canceled    INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, slot)
);
INSERT INTO iotjobs_job_count (job_id, slot)
SELECT j.job_id, s.slot FROM iotjobs_job j
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15)) AS s (slot);
