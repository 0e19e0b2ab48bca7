-- Custom job templates (SPEC J14). A template never changes once created: it is inserted and deleted, so it has no
-- version. Structured members and tags are JSON text, times epoch milliseconds, as in iotjobs_job.
CREATE TABLE iotjobs_job_template (
    job_template_id      iotjobs_name NOT NULL PRIMARY KEY,
    job_template_arn     VARCHAR      NOT NULL,
    description          VARCHAR,
    document             VARCHAR,
    document_source      VARCHAR,
    presigned_url_config VARCHAR,
    rollout_config       VARCHAR,
    abort_config         VARCHAR,
    timeout_config       VARCHAR,
    retry_config         VARCHAR,
    tags                 VARCHAR      NOT NULL,
    created_at           BIGINT       NOT NULL
);
-- ListJobTemplates: creation order, then id (keyset pages).
CREATE INDEX iotjobs_job_template_created ON iotjobs_job_template (created_at, job_template_id);
