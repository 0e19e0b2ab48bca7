package dev.iotjobs.spi;

import java.util.List;

/**
 * A thing a job will roll out to but has not yet (SPEC T7): its execution does not exist until the rollout reaches
 * it. A job with a {@code jobExecutionsRolloutConfig} keeps one per thing held back; the rollout deletes it in the
 * same commit that creates the thing's execution.
 *
 * @param jobId the job
 * @param thingName the thing
 * @param targetIndexes the positions in the job's {@code targets} of the targets that reach the thing, ascending
 */
public record RolloutTarget(String jobId, String thingName, List<Integer> targetIndexes) {
    /** Normalizes absent values. */
    public RolloutTarget {
        targetIndexes = targetIndexes == null ? List.of() : List.copyOf(targetIndexes);
    }
}
