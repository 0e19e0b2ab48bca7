package dev.iotjobs.core.rules;

import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.event.JobExecutionDeleted;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.spi.StatusCounts;

/**
 * Counters are never recounted: they are the fold of execution events (SPEC X1, E3).
 */
public final class Counters {
    private Counters() {
    }

    /**
     * @param from the status before
     * @param to the status after
     * @return the counter delta of one execution moving from {@code from} to {@code to}
     */
    public static StatusCounts move(JobExecutionStatus from, JobExecutionStatus to) {
        return StatusCounts.ZERO.plus(from, -1).plus(to, 1);
    }

    /**
     * @param counts counts so far
     * @param event any job event
     * @return the counts after the event (unchanged by events that are not about executions)
     */
    public static StatusCounts apply(StatusCounts counts, JobEvent event) {
        if (event instanceof JobExecutionCreated created) {
            return counts.plus(created.status(), 1);
        }
        if (event instanceof JobExecutionStatusChanged changed) {
            return counts.plus(move(changed.from(), changed.to()));
        }
        if (event instanceof JobExecutionDeleted deleted) {
            return counts.plus(deleted.status(), -1);
        }
        return counts;
    }

    /**
     * @param events a job's events from its creation, in commit order
     * @return its counters (SPEC E3)
     */
    public static StatusCounts fold(Iterable<? extends JobEvent> events) {
        StatusCounts counts = StatusCounts.ZERO;
        for (JobEvent event : events) {
            counts = apply(counts, event);
        }
        return counts;
    }
}
