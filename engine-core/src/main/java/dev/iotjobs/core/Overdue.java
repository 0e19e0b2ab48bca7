package dev.iotjobs.core;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.ExecutionRules;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.StaleStateException;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Applies timeouts that are already due (SPEC T3, T5), for due work and for reads: nobody observes an execution
 * IN_PROGRESS past its deadline, however late due work runs. Each timeout is a versioned compare-and-set, so several
 * nodes timing out the same execution produce one TIMED_OUT, one retry and one event (T9).
 */
final class Overdue {
    private static final int BATCH = 100;

    private final EngineContext ctx;
    private final Aborts aborts;
    /**
     * One sweep of everything due at a time in this engine: a read that needs the present (DescribeJob) waits for the
     * sweep already running, then finds little or nothing left, instead of racing it over the same first due rows.
     * At 1,000,000 things a burst of 10,024 timeouts had DescribeJob sweep beside the background thread: stale
     * commits, an H2 lock timeout (ServiceUnavailableException) and device round trips stalled for 44 s.
     */
    private final ReentrantLock sweep = new ReentrantLock();
    private final RetryChains retryChains;

    Overdue(EngineContext ctx, Aborts aborts) {
        this.ctx = ctx;
        this.aborts = aborts;
        this.retryChains = new RetryChains(ctx);
    }

    /**
     * @param executions executions just read
     * @return whether any of them was overdue (and is now timed out): the caller reads again
     */
    boolean timeOutAny(Collection<ExecutionRecord> executions) {
        return timeOutAny(executions, ctx.now());
    }

    /**
     * @param executions executions just read
     * @param now the present of the caller's attempt
     * @return whether any of them was overdue at {@code now} (and is now timed out): the caller reads again
     */
    boolean timeOutAny(Collection<ExecutionRecord> executions, Instant now) {
        boolean any = false;
        for (ExecutionRecord execution : executions) {
            if (ExecutionRules.isOverdue(execution, now) && timeOut(execution)) {
                any = true;
            }
        }
        return any;
    }

    /**
     * Times out everything due now: reads due executions in batches and commits each job's share of a batch at once.
     *
     * @return how many executions it timed out (or found changed by another node)
     */
    int timeOutAllDue() {
        sweep.lock();
        try {
            return sweepAllDue();
        } finally {
            sweep.unlock();
        }
    }

    private int sweepAllDue() {
        int changed = 0;
        while (true) {
            List<ExecutionRecord> due = ctx.repository().executionsDueBy(ctx.now(), BATCH);
            Map<String, List<ExecutionRecord>> byJob = new LinkedHashMap<>();
            due.forEach(e -> byJob.computeIfAbsent(e.jobId(), k -> new ArrayList<>()).add(e));
            int before = changed;
            for (Map.Entry<String, List<ExecutionRecord>> job : byJob.entrySet()) {
                changed += timeOut(job.getKey(), job.getValue());
            }
            // A batch that changed nothing holds only executions this node leaves alone (a job being deleted).
            if (due.size() < BATCH || changed == before) {
                return changed;
            }
        }
    }

    /**
     * Times out the execution if it is still overdue.
     *
     * @param read the execution as the caller read it
     * @return whether it changed since the caller read it (timed out here or by another node, or gone): false only
     *     for an execution left alone because its job is being deleted
     */
    boolean timeOut(ExecutionRecord read) {
        return timeOut(read.jobId(), List.of(read)) > 0;
    }

    /**
     * Times out those of the job's executions that are still overdue, in one commit; answers how many changed. The
     * first attempt decides on the executions as the caller read them (a version that moved since makes the commit
     * stale); a later attempt reads them again, one by one. A burst of timeouts thus costs one read of the due
     * executions per batch, not one per execution, while devices keep the job busy.
     */
    private int timeOut(String jobId, List<ExecutionRecord> read) {
        AtomicReference<JobRecord> timedOutIn = new AtomicReference<>();
        AtomicBoolean firstAttempt = new AtomicBoolean(true);
        int changed = ctx.commits().run(() -> {
            Instant now = ctx.now();
            JobRecord job = ctx.repository().findJob(jobId)
                    .orElseThrow(() -> new StaleStateException("job " + jobId + " is gone"));
            if (job.job().status() == JobStatus.DELETION_IN_PROGRESS) {
                return Either.right(Decision.unchanged(0));
            }
            List<ExecutionRecord> current = firstAttempt.getAndSet(false) ? read : readAgain(read);
            List<ExecutionRecord> overdue = new ArrayList<>();
            for (ExecutionRecord execution : current) {
                if (ExecutionRules.isOverdue(execution, now)) {
                    overdue.add(retryChains.withRetriesUsed(job, execution, JobExecutionStatus.TIMED_OUT));
                }
            }
            if (overdue.isEmpty()) {
                return Either.right(Decision.unchanged(read.size()));
            }
            timedOutIn.set(job);
            return Either.right(new Decision<>(ExecutionRules.timeOut(job, overdue, now), read.size()));
        });
        if (timedOutIn.get() != null) {
            aborts.afterTerminalTransition(timedOutIn.get());
        }
        return changed;
    }

    private List<ExecutionRecord> readAgain(List<ExecutionRecord> read) {
        List<ExecutionRecord> current = new ArrayList<>(read.size());
        for (ExecutionRecord execution : read) {
            ctx.repository().findExecution(execution.jobId(), execution.thingName(), execution.executionNumber())
                    .ifPresent(current::add);
        }
        return current;
    }
}
