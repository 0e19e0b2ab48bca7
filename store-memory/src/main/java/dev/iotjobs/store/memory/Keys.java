package dev.iotjobs.store.memory;

import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobListKey;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.ThingExecutionsKey;
import java.time.Instant;
import java.util.Comparator;

/** The sort keys of the indexes, and the orders the SPI's own keys sort in. */
final class Keys {
    /** Jobs in listings: createdAt, then jobId. */
    static final Comparator<JobListKey> JOB_LIST =
            Comparator.comparing(JobListKey::createdAt).thenComparing(JobListKey::jobId);

    /** A job's executions: thingName, then executionNumber. */
    static final Comparator<JobExecutionsKey> JOB_EXECUTIONS =
            Comparator.comparing(JobExecutionsKey::thingName).thenComparingLong(JobExecutionsKey::executionNumber);

    /** A thing's executions: queuedAt, jobId, then executionNumber. */
    static final Comparator<ThingExecutionsKey> THING_EXECUTIONS = Comparator.comparing(ThingExecutionsKey::queuedAt)
            .thenComparing(ThingExecutionsKey::jobId)
            .thenComparingLong(ThingExecutionsKey::executionNumber);

    private Keys() {
    }

    static JobListKey listKey(JobRecord job) {
        return new JobListKey(job.job().createdAt(), job.jobId());
    }

    static JobExecutionsKey jobKey(ExecutionRecord execution) {
        return new JobExecutionsKey(execution.thingName(), execution.executionNumber());
    }

    static ThingExecutionsKey thingKey(ExecutionRecord execution) {
        return new ThingExecutionsKey(execution.queuedAt(), execution.jobId(), execution.executionNumber());
    }

    /**
     * A place in a thing's pending queue (SPEC X11): IN_PROGRESS before QUEUED, then queuedAt, jobId and
     * executionNumber.
     */
    record Pending(int rank, Instant queuedAt, String jobId, long executionNumber) implements Comparable<Pending> {
        private static final Comparator<Pending> ORDER = Comparator.comparingInt(Pending::rank)
                .thenComparing(Pending::queuedAt)
                .thenComparing(Pending::jobId)
                .thenComparingLong(Pending::executionNumber);

        static Pending of(ExecutionRecord execution) {
            int rank = execution.status() == JobExecutionStatus.IN_PROGRESS ? 0 : 1;
            return new Pending(rank, execution.queuedAt(), execution.jobId(), execution.executionNumber());
        }

        @Override
        public int compareTo(Pending other) {
            return ORDER.compare(this, other);
        }
    }

    /** A pending execution's earliest timer, for the timeout sweep. */
    record Deadline(Instant at, String jobId, String thingName, long executionNumber)
            implements Comparable<Deadline> {
        private static final Comparator<Deadline> ORDER = Comparator.comparing(Deadline::at)
                .thenComparing(Deadline::jobId)
                .thenComparing(Deadline::thingName)
                .thenComparingLong(Deadline::executionNumber);

        @Override
        public int compareTo(Deadline other) {
            return ORDER.compare(this, other);
        }
    }

    /** When time-driven work on a job is due. */
    record Due(Instant at, String jobId) implements Comparable<Due> {
        private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparing(Due::jobId);

        @Override
        public int compareTo(Due other) {
            return ORDER.compare(this, other);
        }
    }
}
