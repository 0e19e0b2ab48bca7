package dev.iotjobs.spi;

import java.util.Objects;

/**
 * A job and one execution of it, as a device's operation reads them together (issue 12: a database store answers
 * both in one query).
 *
 * @param job the job
 * @param execution the execution, or null where the thing has none of the job
 */
public record JobAndExecution(JobRecord job, ExecutionRecord execution) {
    /** @throws NullPointerException if {@code job} is null */
    public JobAndExecution {
        Objects.requireNonNull(job, "job");
    }
}
