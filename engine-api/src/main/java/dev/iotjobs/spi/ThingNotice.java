package dev.iotjobs.spi;

import dev.iotjobs.api.event.ThingEvent;
import java.util.List;

/**
 * What a changeset does to one thing's pending queue, and which device notifications that makes (SPEC E4). The
 * engine decides; the store only reads the thing's queue inside the commit, once all other parts are applied, and
 * appends the events this notice derives from it.
 *
 * <p>Implementations are immutable and pure: {@link #eventsFor} does no I/O and never throws for a queue the store
 * read.
 */
public interface ThingNotice {

    /** @return the thing */
    String thingName();

    /**
     * @return how many executions of the thing's queue the store reads after the commit (as
     *     {@link JobRepository#pendingExecutions} would return them), at least 1
     */
    int queueLimit();

    /**
     * @param later a notice on the same thing, for a later change of the same changeset
     * @return one notice for both
     */
    ThingNotice plus(ThingNotice later);

    /**
     * @param queue the first {@link #queueLimit()} executions of the thing's queue once the whole changeset is
     *     applied, in queue order
     * @return the events to append after the changeset's own events, possibly none
     */
    List<ThingEvent> eventsFor(List<ExecutionRecord> queue);
}
