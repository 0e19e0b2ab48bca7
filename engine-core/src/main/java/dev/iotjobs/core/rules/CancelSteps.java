package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RolloutTarget;
import java.time.Instant;
import java.util.List;

/**
 * The cancel cascade (SPEC J7, C4): a CANCELED job that is still due has executions left that its cancel takes
 * along (QUEUED ones; IN_PROGRESS ones too when it was canceled with force) or held-back things to release. Due work
 * takes them a batch per commit, as the deletion cascade does (J10), and clears the job's due time when none is
 * left. Each batch is a versioned compare-and-set of its executions, so nodes running it at once, or a device
 * updating one of them meanwhile, make one of the commits stale and nothing happens twice (T9).
 */
public final class CancelSteps {
    private CancelSteps() {
    }

    /**
     * @param job a stored job
     * @return whether its cancel is still taking executions along (SPEC C4)
     */
    public static boolean isUnderWay(JobRecord job) {
        return job.job().status() == JobStatus.CANCELED && job.dueAt() != null;
    }

    /**
     * @param job a CANCELED job
     * @param execution one of its executions
     * @return whether its cancel ends that execution (SPEC J7: QUEUED ones; IN_PROGRESS ones with force)
     */
    public static boolean takes(JobRecord job, ExecutionRecord execution) {
        return execution.status() == JobExecutionStatus.QUEUED
                || execution.status() == JobExecutionStatus.IN_PROGRESS && job.job().forceCanceled();
    }

    /**
     * One step of the cascade.
     *
     * @param job the CANCELED job, as read
     * @param heldBack some of the things it still holds back (released)
     * @param batch some of the executions its cancel takes along, as read; with {@code heldBack} at most one batch
     * @param now the present
     * @return the changes: the batch canceled, or, when nothing was left, the job no longer due
     */
    public static Changeset step(JobRecord job, List<RolloutTarget> heldBack, List<ExecutionRecord> batch,
                                 Instant now) {
        if (heldBack.isEmpty() && batch.isEmpty()) {
            return Changeset.builder().updateJob(job.next(job.job(), null, job.rollout())).build();
        }
        // The job's revision guards against a delete (or another node's last step) in between; the job row itself
        // does not change, so devices working on the job meanwhile are not made stale by the cascade.
        Changeset.Builder changes = Changeset.builder().expectJob(job);
        heldBack.forEach(changes::release);
        boolean force = job.job().forceCanceled();
        for (ExecutionRecord execution : batch) {
            if (takes(job, execution)) {
                ExecutionChanges.updated(changes, job, execution, ExecutionRules.ended(execution,
                        JobExecutionStatus.CANCELED, force, execution.statusDetails(), now));
            }
        }
        return changes.build();
    }
}
