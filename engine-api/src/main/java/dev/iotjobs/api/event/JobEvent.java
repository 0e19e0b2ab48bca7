package dev.iotjobs.api.event;

/**
 * Something that happened to a job or one of its executions, committed atomically with the change it explains.
 * Counters of a job are the fold of its execution events (SPEC E3).
 */
public sealed interface JobEvent extends EngineEvent
        permits JobCreated, JobStatusChanged, JobDeleted,
                JobExecutionCreated, JobExecutionStatusChanged, JobExecutionDeleted {

    /** @return the job the event concerns */
    String jobId();
}
