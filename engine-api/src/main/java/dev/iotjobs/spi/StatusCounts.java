package dev.iotjobs.spi;

import dev.iotjobs.api.model.JobExecutionStatus;

/**
 * How many executions of a job are in each status; also used as a delta (negative members allowed).
 *
 * @param queued QUEUED
 * @param inProgress IN_PROGRESS
 * @param succeeded SUCCEEDED
 * @param failed FAILED
 * @param timedOut TIMED_OUT
 * @param rejected REJECTED
 * @param removed REMOVED
 * @param canceled CANCELED
 */
public record StatusCounts(int queued, int inProgress, int succeeded, int failed, int timedOut, int rejected,
                           int removed, int canceled) {

    /** No executions at all. */
    public static final StatusCounts ZERO = new StatusCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * @param status a status
     * @return the count of that status
     */
    public int get(JobExecutionStatus status) {
        return switch (status) {
            case QUEUED -> queued;
            case IN_PROGRESS -> inProgress;
            case SUCCEEDED -> succeeded;
            case FAILED -> failed;
            case TIMED_OUT -> timedOut;
            case REJECTED -> rejected;
            case REMOVED -> removed;
            case CANCELED -> canceled;
        };
    }

    /**
     * @param status a status
     * @param n how many to add (may be negative)
     * @return these counts with {@code n} added to {@code status}
     */
    public StatusCounts plus(JobExecutionStatus status, int n) {
        return new StatusCounts(
                queued + (status == JobExecutionStatus.QUEUED ? n : 0),
                inProgress + (status == JobExecutionStatus.IN_PROGRESS ? n : 0),
                succeeded + (status == JobExecutionStatus.SUCCEEDED ? n : 0),
                failed + (status == JobExecutionStatus.FAILED ? n : 0),
                timedOut + (status == JobExecutionStatus.TIMED_OUT ? n : 0),
                rejected + (status == JobExecutionStatus.REJECTED ? n : 0),
                removed + (status == JobExecutionStatus.REMOVED ? n : 0),
                canceled + (status == JobExecutionStatus.CANCELED ? n : 0));
    }

    /**
     * @param other counts or a delta
     * @return the member-wise sum
     */
    public StatusCounts plus(StatusCounts other) {
        return new StatusCounts(queued + other.queued, inProgress + other.inProgress,
                succeeded + other.succeeded, failed + other.failed, timedOut + other.timedOut,
                rejected + other.rejected, removed + other.removed, canceled + other.canceled);
    }

    /** @return QUEUED plus IN_PROGRESS */
    public int pending() {
        return queued + inProgress;
    }

    /** @return whether every member is zero */
    public boolean isZero() {
        return equals(ZERO);
    }
}
