package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobAndExecution;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.StaleStateException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The reads of a device's operation (issue 12): a job and an execution in one query where this node keeps the job as
 * read ({@link JobFactsCache}), so the query adds only the job's revision and counts to the execution's row; a job
 * read for the first time, or at another revision, costs its full read besides.
 */
final class DeviceReads {
    /** The thing's latest execution of the job this version can read, if any, beside the job's facts. */
    private static final String JOB_AND_LATEST = "SELECT " + JobRows.FACTS + ", " + ExecutionRows.COLUMNS + """

            FROM iotjobs_job j LEFT JOIN iotjobs_execution e ON e.job_id = j.job_id AND e.thing_name = :thingName
                AND e.execution_number = (SELECT MAX(x.execution_number) FROM iotjobs_execution x
                    WHERE x.job_id = j.job_id AND x.thing_name = :thingName AND\s"""
            + Columns.known("x.status", JobExecutionStatus.class) + """
            )
            WHERE j.job_id = :jobId""";

    /** The head of the thing's queue with its job's facts. */
    private static final String HEAD = "SELECT " + ExecutionRows.COLUMNS + ", " + JobRows.FACTS
            + ExecutionRows.PENDING;

    private record Row(JobRecord cachedJob, ExecutionRecord execution) {
    }

    private final JobRows jobs;
    private final ExecutionRows executions;

    DeviceReads(JobRows jobs, ExecutionRows executions) {
        this.jobs = jobs;
        this.executions = executions;
    }

    /** @see dev.iotjobs.spi.JobRepository#findJobAndExecution */
    Optional<JobAndExecution> jobAndLatest(Handle handle, String jobId, String thingName) {
        if (!jobs.knows(jobId)) {
            return jobs.find(handle, jobId).map(job -> new JobAndExecution(job,
                    executions.find(handle, jobId, thingName, null).orElse(null)));
        }
        Optional<Row> row = handle.createQuery(JOB_AND_LATEST)
                .bind("jobId", jobId)
                .bind("thingName", thingName)
                .map((rs, ctx) -> new Row(jobs.cachedAt(rs, jobId),
                        rs.getString("job_id") == null ? null : ExecutionRows.read(rs)))
                .findOne();
        if (row.isEmpty()) {
            jobs.forget(jobId);
            return Optional.empty();
        }
        Optional<JobRecord> job = row.get().cachedJob() != null ? Optional.of(row.get().cachedJob())
                : jobs.find(handle, jobId);
        return job.map(found -> new JobAndExecution(found, row.get().execution()));
    }

    /** @see dev.iotjobs.spi.JobRepository#headOfQueue */
    Optional<JobAndExecution> head(Handle handle, String thingName) {
        Optional<Row> row = handle.createQuery(HEAD)
                .bind("thingName", thingName)
                .bind("limit", 1)
                .map((rs, ctx) -> new Row(jobs.cachedAt(rs, rs.getString("job_id")), ExecutionRows.read(rs)))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        ExecutionRecord head = row.get().execution();
        JobRecord job = row.get().cachedJob() != null ? row.get().cachedJob()
                : jobs.find(handle, head.jobId()).orElseThrow(() -> new StaleStateException("job " + head.jobId()
                        + " of the head of " + thingName + "'s queue is gone"));
        return Optional.of(new JobAndExecution(job, head));
    }
}
