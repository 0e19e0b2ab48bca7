-- The iotjobs store: things and groups, jobs, executions, the event outbox and its relay lease.
-- Times are epoch milliseconds (BIGINT). Structured members and maps are JSON text. Names and ids that queries
-- sort by are iotjobs_name (V1), so that they sort as Java strings do on every database.

CREATE TABLE iotjobs_thing (
    thing_name      iotjobs_name NOT NULL PRIMARY KEY,
    thing_arn       VARCHAR,
    thing_id        VARCHAR,
    thing_type_name VARCHAR,
    attributes      VARCHAR      NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE TABLE iotjobs_thing_group (
    group_name    iotjobs_name NOT NULL PRIMARY KEY,
    group_arn     VARCHAR,
    group_id      VARCHAR      NOT NULL,
    parent_name   iotjobs_name,
    description   VARCHAR,
    attributes    VARCHAR      NOT NULL,
    version       BIGINT       NOT NULL,
    creation_date BIGINT,
    CONSTRAINT iotjobs_thing_group_id UNIQUE (group_id)
);
CREATE INDEX iotjobs_thing_group_children ON iotjobs_thing_group (parent_name, group_name);

-- Memberships go with their thing or group.
CREATE TABLE iotjobs_membership (
    group_name iotjobs_name NOT NULL REFERENCES iotjobs_thing_group (group_name) ON DELETE CASCADE,
    thing_name iotjobs_name NOT NULL REFERENCES iotjobs_thing (thing_name) ON DELETE CASCADE,
    PRIMARY KEY (group_name, thing_name)
);
CREATE INDEX iotjobs_membership_thing ON iotjobs_membership (thing_name, group_name);

-- A job's counts (n_*) move only by in-place deltas; revision is the compare-and-set of everything else.
CREATE TABLE iotjobs_job (
    job_id               iotjobs_name NOT NULL PRIMARY KEY,
    job_arn              VARCHAR,
    target_selection     VARCHAR(16),
    status               VARCHAR(32)  NOT NULL,
    force_canceled       BOOLEAN      NOT NULL,
    reason_code          VARCHAR,
    comment              VARCHAR,
    targets              VARCHAR      NOT NULL,
    description          VARCHAR,
    presigned_url_config VARCHAR,
    rollout_config       VARCHAR,
    abort_config         VARCHAR,
    created_at           BIGINT       NOT NULL,
    last_updated_at      BIGINT,
    completed_at         BIGINT,
    timeout_config       VARCHAR,
    namespace_id         VARCHAR,
    job_template_arn     VARCHAR,
    retry_config         VARCHAR,
    document_parameters  VARCHAR      NOT NULL,
    is_concurrent        BOOLEAN,
    scheduling_config    VARCHAR,
    document             VARCHAR,
    document_source      VARCHAR,
    tags                 VARCHAR      NOT NULL,
    n_queued             INTEGER      NOT NULL,
    n_in_progress        INTEGER      NOT NULL,
    n_succeeded          INTEGER      NOT NULL,
    n_failed             INTEGER      NOT NULL,
    n_timed_out          INTEGER      NOT NULL,
    n_rejected           INTEGER      NOT NULL,
    n_removed            INTEGER      NOT NULL,
    n_canceled           INTEGER      NOT NULL,
    revision             BIGINT       NOT NULL,
    due_at               BIGINT
);
CREATE INDEX iotjobs_job_created ON iotjobs_job (created_at, job_id);
CREATE INDEX iotjobs_job_status ON iotjobs_job (status, created_at, job_id);
CREATE INDEX iotjobs_job_due ON iotjobs_job (due_at, job_id);

-- The job's targets once more, one row each, for listJobs' target filter in listing order.
CREATE TABLE iotjobs_job_target (
    target_arn VARCHAR      NOT NULL,
    created_at BIGINT       NOT NULL,
    job_id     iotjobs_name NOT NULL REFERENCES iotjobs_job (job_id) ON DELETE CASCADE,
    PRIMARY KEY (target_arn, created_at, job_id)
);
CREATE INDEX iotjobs_job_target_job ON iotjobs_job_target (job_id);

-- pending_rank: 0 IN_PROGRESS, 1 QUEUED, null otherwise (the thing's queue order).
-- deadline: the earlier timer while pending, null otherwise (the timeout sweep).
CREATE TABLE iotjobs_execution (
    job_id                 iotjobs_name NOT NULL,
    thing_name             iotjobs_name NOT NULL,
    execution_number       BIGINT       NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    force_canceled         BOOLEAN      NOT NULL,
    status_details         VARCHAR      NOT NULL,
    queued_at              BIGINT       NOT NULL,
    started_at             BIGINT,
    last_updated_at        BIGINT,
    version_number         BIGINT       NOT NULL,
    retry_attempt          INTEGER      NOT NULL,
    step_timeout_at        BIGINT,
    in_progress_timeout_at BIGINT,
    pending_rank           SMALLINT,
    deadline               BIGINT,
    PRIMARY KEY (job_id, thing_name, execution_number)
);
CREATE INDEX iotjobs_execution_pending ON iotjobs_execution (thing_name, pending_rank, queued_at, job_id, execution_number);
CREATE INDEX iotjobs_execution_job_status ON iotjobs_execution (job_id, status, thing_name, execution_number);
CREATE INDEX iotjobs_execution_thing ON iotjobs_execution (thing_name, queued_at, job_id, execution_number);
CREATE INDEX iotjobs_execution_deadline ON iotjobs_execution (deadline, job_id, thing_name, execution_number);

-- The outbox: one row per event, its members in columns (null where the event type has no such member).
-- status is the status an execution event names (to, created with, deleted in) or a job's new status;
-- from_status the status before a status change.
CREATE TABLE iotjobs_event (
    sequence_number  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    event_type       VARCHAR(32) NOT NULL,
    job_id           VARCHAR     NOT NULL,
    occurred_at      BIGINT,
    thing_name       VARCHAR,
    execution_number BIGINT,
    from_status      VARCHAR(32),
    status           VARCHAR(32),
    version_number   BIGINT,
    job_arn          VARCHAR,
    target_selection VARCHAR(16),
    force_canceled   BOOLEAN,
    reason_code      VARCHAR
);

-- The event relay lease: one row, taken with a conditional UPDATE.
CREATE TABLE iotjobs_event_relay (
    id          INTEGER NOT NULL PRIMARY KEY,
    holder      VARCHAR,
    lease_until BIGINT
);
INSERT INTO iotjobs_event_relay (id, holder, lease_until) VALUES (1, NULL, NULL);
