package dev.iotjobs.core;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CancelJobResponse;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.rules.CancelSteps;
import dev.iotjobs.core.rules.JobRules;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Cancels a job and the executions it takes along (SPEC J7), for CancelJob, abort criteria (T6) and scheduled ends
 * (T8). SPEC C4: when they fit in one batch they go in the job's own commit; else only the job turns CANCELED here
 * and due work cancels the executions batch by batch ({@link DueWork}).
 */
final class Cancellations {
    /** Stale attempts after which a cancel that would fit in one batch leaves its executions to due work anyway. */
    private static final int INLINE_ATTEMPTS = 2;

    private final EngineContext ctx;

    Cancellations(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** @param request a validated request @return the response */
    CancelJobResponse cancel(CancelJobRequest request) {
        boolean force = Boolean.TRUE.equals(request.force());
        int[] attempts = {0};
        return ctx.commits().run(() -> {
            JobRecord job = ctx.job(request.jobId());
            JobStatus status = job.job().status();
            boolean live = status == JobStatus.IN_PROGRESS || status == JobStatus.SCHEDULED;
            boolean forcing = force && status == JobStatus.CANCELED && !job.job().forceCanceled();
            if (!live && !forcing) {
                return JobRules.cancel(job, List.of(), List.of(), request, ctx.now());   // an error, or no change
            }
            // Devices racing an inline cancel make it stale; after a few tries only the job row is committed.
            if (CancelSteps.isUnderWay(job) || attempts[0]++ >= INLINE_ATTEMPTS) {
                return JobRules.cancelInBatches(job, request, ctx.now());
            }
            int size = ctx.batchSize();
            int heldBack = job.heldBack();
            List<ExecutionRecord> pending = new ArrayList<>();
            if (live && heldBack <= size) {
                pending.addAll(page(job.jobId(), JobExecutionStatus.QUEUED, size + 1 - heldBack));
            }
            if (force && heldBack + pending.size() <= size) {
                pending.addAll(page(job.jobId(), JobExecutionStatus.IN_PROGRESS, size + 1 - heldBack - pending.size()));
            }
            if (heldBack + pending.size() > size) {
                return JobRules.cancelInBatches(job, request, ctx.now());
            }
            return JobRules.cancel(job, pending, ctx.heldBack(job), request, ctx.now());
        });
    }

    private List<ExecutionRecord> page(String jobId, JobExecutionStatus status, int limit) {
        return ctx.repository().listExecutionsForJob(jobId, status, null, limit).items();
    }
}
