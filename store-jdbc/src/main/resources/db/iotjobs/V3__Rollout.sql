-- Gradual rollouts (SPEC T7): the job's rollout state, and the things it still holds back.
-- One column per ALTER: H2 and PostgreSQL spell adding several columns at once differently.

-- rollout_remaining: the things held back (0 without a rollout), read by the conditional completion.
-- rollout_by_target: JSON object, target ARN -> things held back, in the job's target order; NULL when the job has
-- no rollout state (then every other rollout_* column is NULL and rollout_remaining is 0).
ALTER TABLE iotjobs_job ADD COLUMN rollout_remaining INTEGER NOT NULL DEFAULT 0;
ALTER TABLE iotjobs_job ADD COLUMN rollout_by_target VARCHAR;
ALTER TABLE iotjobs_job ADD COLUMN rollout_notified INTEGER;
ALTER TABLE iotjobs_job ADD COLUMN rollout_rate DOUBLE PRECISION;
ALTER TABLE iotjobs_job ADD COLUMN rollout_notified_at_increase INTEGER;
ALTER TABLE iotjobs_job ADD COLUMN rollout_succeeded_at_increase INTEGER;
ALTER TABLE iotjobs_job ADD COLUMN rollout_window_start BIGINT;
ALTER TABLE iotjobs_job ADD COLUMN rollout_window_allowance INTEGER;
ALTER TABLE iotjobs_job ADD COLUMN rollout_created_in_window INTEGER;
ALTER TABLE iotjobs_job ADD COLUMN rollout_last_created_at BIGINT;

-- One row per thing a job holds back; the primary key lists them in thing-name order. They go with their job.
-- target_indexes: JSON array of the positions in the job's targets that reach the thing, ascending.
CREATE TABLE iotjobs_rollout_target (
    job_id         iotjobs_name NOT NULL,
    thing_name     iotjobs_name NOT NULL,
    target_indexes VARCHAR      NOT NULL,
    PRIMARY KEY (job_id, thing_name),
    CONSTRAINT iotjobs_rollout_target_job FOREIGN KEY (job_id) REFERENCES iotjobs_job (job_id) ON DELETE CASCADE
);
