package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionState;
import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.api.model.JobProcessDetails;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.JobSummary;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.StatusCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Presents stored records as the API's values. */
public final class Views {
    private Views() {
    }

    /**
     * SPEC X1: the counters, and the targets still rolling out.
     *
     * @param job a stored job
     * @return its {@code jobProcessDetails}
     */
    public static JobProcessDetails processDetails(JobRecord job) {
        return processDetails(job.counts(),
                isConcurrent(job) ? processingTargets(job) : List.of());
    }

    /**
     * @param counts executions by status
     * @param processingTargets the targets still rolling out
     * @return the {@code jobProcessDetails} they make
     */
    public static JobProcessDetails processDetails(StatusCounts counts, List<String> processingTargets) {
        return new JobProcessDetails(processingTargets, counts.canceled(), counts.succeeded(), counts.failed(),
                counts.rejected(), counts.queued(), counts.inProgress(), counts.removed(), counts.timedOut());
    }

    /**
     * SPEC T7, C4: a job is concurrent while it rolls out: things held back, or group members still to expand.
     *
     * @param job a stored job
     * @return whether it still holds targets back
     */
    public static boolean isConcurrent(JobRecord job) {
        return job.job().status() == JobStatus.IN_PROGRESS && job.holdsTargets();
    }

    /** SPEC X1: the targets its rollout holds things back for and those it still expands, in target order. */
    private static List<String> processingTargets(JobRecord job) {
        List<String> rolling = RolloutRules.processingTargets(job.rollout());
        if (job.expansion() == null) {
            return rolling;
        }
        List<String> targets = job.job().targets();
        Set<String> processing = new HashSet<>(rolling);
        job.expansion().targetIndexes().stream().filter(i -> i < targets.size())
                .forEach(i -> processing.add(targets.get(i)));
        return targets.stream().distinct().filter(processing::contains).toList();
    }

    /** @param job a stored job @return the job as DescribeJob shows it */
    public static Job job(JobRecord job) {
        return job.job().toBuilder()
                .jobProcessDetails(processDetails(job))
                .isConcurrent(isConcurrent(job))
                .build();
    }

    /** @param job a stored job @return the job as ListJobs shows it */
    public static JobSummary summary(JobRecord job) {
        Job j = job.job();
        return new JobSummary(j.jobArn(), j.jobId(), null, j.targetSelection(), j.status(), j.createdAt(),
                j.lastUpdatedAt(), j.completedAt(), isConcurrent(job));
    }

    /**
     * @param execution a stored execution
     * @param thingArn the thing's ARN
     * @param jobDocument the job document to include, or null
     * @param now the present, for {@code approximateSecondsBeforeTimedOut}
     * @return the execution as both planes show it
     */
    public static JobExecution execution(ExecutionRecord execution, String thingArn, String jobDocument,
                                         Instant now) {
        return new JobExecution(execution.jobId(), execution.thingName(), thingArn, execution.status(),
                execution.forceCanceled(), execution.statusDetails(), execution.queuedAt(), execution.startedAt(),
                execution.lastUpdatedAt(), secondsBeforeTimedOut(execution, now), execution.versionNumber(),
                execution.executionNumber(), jobDocument);
    }

    /** @param execution a stored execution @return its summary as GetPendingJobExecutions shows it */
    public static JobExecutionSummary pendingSummary(ExecutionRecord execution) {
        return JobExecutionSummary.builder()
                .jobId(execution.jobId())
                .queuedAt(execution.queuedAt())
                .startedAt(execution.startedAt())
                .lastUpdatedAt(execution.lastUpdatedAt())
                .versionNumber(execution.versionNumber())
                .executionNumber(execution.executionNumber())
                .build();
    }

    /** @param execution a stored execution @return its summary as the control plane's listings show it */
    public static JobExecutionSummary listedSummary(ExecutionRecord execution) {
        return JobExecutionSummary.builder()
                .status(execution.status())
                .queuedAt(execution.queuedAt())
                .startedAt(execution.startedAt())
                .lastUpdatedAt(execution.lastUpdatedAt())
                .executionNumber(execution.executionNumber())
                .retryAttempt(execution.retryAttempt())
                .build();
    }

    /** @param execution a stored execution @return its state as UpdateJobExecution returns it */
    public static JobExecutionState state(ExecutionRecord execution) {
        return new JobExecutionState(execution.status(), execution.statusDetails(), execution.versionNumber());
    }

    /**
     * SPEC T4: whole seconds to the effective deadline, rounded up, while a deadline exists.
     *
     * @param execution a stored execution
     * @param now the present
     * @return the seconds, or null without a deadline
     */
    public static Long secondsBeforeTimedOut(ExecutionRecord execution, Instant now) {
        Instant deadline = execution.deadline();
        if (deadline == null || !execution.isPending()) {
            return null;
        }
        long millis = Duration.between(now, deadline).toMillis();
        return Math.max(0L, (millis + 999) / 1000);
    }
}
