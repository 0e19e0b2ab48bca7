package dev.iotjobs.core;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.ExecutionRules;
import dev.iotjobs.core.rules.Retries;
import dev.iotjobs.spi.ExecutionKey;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.StaleStateException;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies timeouts that are already due (SPEC T3, T5), for due work and for reads: nobody observes an execution
 * IN_PROGRESS past its deadline, however late due work runs. Each timeout is a versioned compare-and-set, so several
 * nodes timing out the same execution produce one TIMED_OUT, one retry and one event (T9).
 */
final class Overdue {
    private static final int BATCH = 100;

    private final EngineContext ctx;
    private final Aborts aborts;

    Overdue(EngineContext ctx, Aborts aborts) {
        this.ctx = ctx;
        this.aborts = aborts;
    }

    /**
     * @param executions executions just read
     * @return whether any of them was overdue (and is now timed out): the caller reads again
     */
    boolean timeOutAny(Collection<ExecutionRecord> executions) {
        Instant now = ctx.now();
        boolean any = false;
        for (ExecutionRecord execution : executions) {
            if (ExecutionRules.isOverdue(execution, now) && timeOut(execution.key())) {
                any = true;
            }
        }
        return any;
    }

    /** Times out everything due now, in batches; returns how many executions it timed out (or found changed). */
    int timeOutAllDue() {
        int timedOut = 0;
        while (true) {
            List<ExecutionRecord> due = ctx.repository().executionsDueBy(ctx.now(), BATCH);
            int before = timedOut;
            for (ExecutionRecord execution : due) {
                if (timeOut(execution.key())) {
                    timedOut++;
                }
            }
            // A batch that changed nothing holds only executions this node leaves alone (a job being deleted).
            if (due.size() < BATCH || timedOut == before) {
                return timedOut;
            }
        }
    }

    /**
     * Times out the execution if it is still overdue.
     *
     * @return whether it changed since the caller read it (timed out here or by another node, or gone): false only
     *     for an execution left alone because its job is being deleted
     */
    boolean timeOut(ExecutionKey key) {
        AtomicReference<JobRecord> timedOutIn = new AtomicReference<>();
        boolean changed = ctx.commits().run(() -> {
            Instant now = ctx.now();
            Optional<ExecutionRecord> execution = ctx.repository()
                    .findExecution(key.jobId(), key.thingName(), key.executionNumber());
            if (execution.isEmpty() || !ExecutionRules.isOverdue(execution.get(), now)) {
                return Either.right(Decision.unchanged(true));
            }
            JobRecord job = ctx.repository().findJob(key.jobId())
                    .orElseThrow(() -> new StaleStateException("job " + key.jobId() + " is gone"));
            if (job.job().status() == JobStatus.DELETION_IN_PROGRESS) {
                return Either.right(Decision.unchanged(false));
            }
            int earlier = earlierEndings(job, key.thingName(), JobExecutionStatus.TIMED_OUT);
            timedOutIn.set(job);
            return Either.right(new Decision<>(ExecutionRules.timeOut(job, execution.get(), earlier, now), true));
        });
        if (timedOutIn.get() != null) {
            aborts.afterTerminalTransition(timedOutIn.get());
        }
        return changed;
    }

    /**
     * SPEC T5: how many executions of the job on the thing already ended with {@code status}, read only when the
     * job would retry that ending (and at most one more than it allows).
     */
    int earlierEndings(JobRecord job, String thingName, JobExecutionStatus status) {
        int allowed = Retries.allowance(job, status);
        if (allowed == 0) {
            return 0;
        }
        return ctx.repository().listExecutionsForThing(thingName, status, job.jobId(), null, allowed + 1)
                .items().size();
    }
}
