package dev.iotjobs.spi;

import java.util.List;
import java.util.Set;

/**
 * What a commit stored.
 *
 * @param events the events it stored, in sequence order, including those of completions that fired
 * @param completedJobs the jobs that {@link Changeset#completions()} turned COMPLETED
 */
public record CommitResult(List<StoredEvent> events, Set<String> completedJobs) {
    /** Copies the members. */
    public CommitResult {
        events = List.copyOf(events);
        completedJobs = Set.copyOf(completedJobs);
    }
}
