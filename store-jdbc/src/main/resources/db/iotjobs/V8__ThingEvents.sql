-- Device notifications (SPEC E4) in the outbox: per thing, not per job, so job_id is absent for them; payload holds
-- their summaries or execution as JSON (thing_name names the thing).
ALTER TABLE iotjobs_event ALTER COLUMN job_id DROP NOT NULL;
ALTER TABLE iotjobs_event ADD COLUMN payload VARCHAR;
