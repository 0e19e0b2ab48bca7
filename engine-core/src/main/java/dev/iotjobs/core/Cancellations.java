package dev.iotjobs.core;

import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CancelJobResponse;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.rules.JobRules;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobRecord;
import java.util.ArrayList;
import java.util.List;

/** Cancels a job and the executions it takes along (SPEC J7), for CancelJob and for abort criteria (T6). */
final class Cancellations {
    private final EngineContext ctx;

    Cancellations(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** @param request a validated request @return the response */
    CancelJobResponse cancel(CancelJobRequest request) {
        return ctx.commits().run(() -> {
            JobRecord job = ctx.job(request.jobId());
            boolean force = Boolean.TRUE.equals(request.force());
            List<ExecutionRecord> pending = new ArrayList<>();
            JobStatus status = job.job().status();
            if (status == JobStatus.IN_PROGRESS || status == JobStatus.SCHEDULED) {
                pending.addAll(allExecutions(job.jobId(), JobExecutionStatus.QUEUED));
            }
            if (force && (status == JobStatus.IN_PROGRESS || status == JobStatus.SCHEDULED
                    || status == JobStatus.CANCELED)) {
                pending.addAll(allExecutions(job.jobId(), JobExecutionStatus.IN_PROGRESS));
            }
            return JobRules.cancel(job, pending, ctx.heldBack(job), request, ctx.now());
        });
    }

    private List<ExecutionRecord> allExecutions(String jobId, JobExecutionStatus status) {
        return AllPages.of((JobExecutionsKey after, int limit) ->
                        ctx.repository().listExecutionsForJob(jobId, status, after, limit),
                e -> new JobExecutionsKey(e.thingName(), e.executionNumber()));
    }
}
