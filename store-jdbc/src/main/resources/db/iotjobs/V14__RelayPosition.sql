-- Issue 12 (SPEC E2): where the event relay stands, kept across restarts and shared by the nodes. Every event at or
-- below dropped_through was delivered (or had nobody to go to) and dropped; the relay's outbox clean-up raises it in
-- the same transaction as its DELETE. A relay that starts or takes the lease over resumes after it and waits at a
-- missing number above it as at any gap, so that an event of a transaction still in flight when it started is
-- delivered late instead of dropped unseen (a relay that started at the first stored event went past it).
-- NULL means unknown: a database that has held events before this migration, until its next clean-up; the relay then
-- starts at the first stored event, as before. A database that has never held a job, a thing or an event
-- starts at 0.
ALTER TABLE iotjobs_event_relay ADD COLUMN dropped_through BIGINT DEFAULT NULL;
UPDATE iotjobs_event_relay SET dropped_through = 0
WHERE NOT EXISTS (SELECT 1 FROM iotjobs_event) AND NOT EXISTS (SELECT 1 FROM iotjobs_job)
  AND NOT EXISTS (SELECT 1 FROM iotjobs_thing);
