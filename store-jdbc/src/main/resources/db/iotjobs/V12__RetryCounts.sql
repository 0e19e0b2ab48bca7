-- Issue 12 (SPEC T5, G7): an execution carries the retries its retry chain used before it, by failure type, so that
-- deciding a FAILED or TIMED_OUT ending reads no other execution. Written when a retry is queued and never changed.
-- NULL means unknown: rows stored before this migration and rows an engine node of an earlier version inserts during
-- a rolling upgrade. For a chain's first attempt (retry_attempt 0) the engine takes NULL as none used; for a retry it
-- counts the chain's earlier executions instead, once, and the retry it queues carries the counts again. No backfill:
-- the table may be large, and NULL already gives the right answer.
ALTER TABLE iotjobs_execution ADD COLUMN retries_used_failed INTEGER DEFAULT NULL;
ALTER TABLE iotjobs_execution ADD COLUMN retries_used_timed_out INTEGER DEFAULT NULL;
