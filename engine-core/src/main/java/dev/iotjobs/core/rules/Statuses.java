package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.JobExecutionStatus;

/** Classifies execution statuses. */
public final class Statuses {
    private Statuses() {
    }

    /** @param status a status @return whether it is QUEUED or IN_PROGRESS */
    public static boolean isPending(JobExecutionStatus status) {
        return status == JobExecutionStatus.QUEUED || status == JobExecutionStatus.IN_PROGRESS;
    }

    /** @param status a status @return whether no further change can leave it */
    public static boolean isTerminal(JobExecutionStatus status) {
        return !isPending(status);
    }
}
