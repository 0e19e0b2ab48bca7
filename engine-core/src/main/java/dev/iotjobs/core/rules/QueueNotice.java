package dev.iotjobs.core.rules;

import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.event.ThingEvent;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.spi.ExecutionKey;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.ThingNotice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * SPEC E4: what one changeset does to a thing's pending queue, and the notify / notify-next events that follow from
 * the queue the commit leaves.
 *
 * <p>The store reads the queue once, after the commit. The queue before is not read: it is the queue after, less
 * the executions that entered, with the ones that left or moved put back as they were. Its head is the earliest of
 * those (executions that did not change keep their order, so only the first of them in the queue read can be it).
 * If every execution read entered or moved and the queue was cut at {@code queueLimit}, the old head cannot be told
 * and the head counts as changed: a repeated notify-next rather than a lost one.
 *
 * @param thingName the thing
 * @param at when the change happened
 * @param maxReturned most summaries a {@link PendingJobExecutionsChanged} carries (SPEC X12)
 * @param entered executions that joined the pending set
 * @param left executions that left it, as they were before
 * @param moved pending executions whose place in the queue changed (QUEUED to IN_PROGRESS), as they were before
 * @param headUnknown whether the head the devices were last told of cannot be told from the change: the executions of
 *     a job in DELETION_IN_PROGRESS left the queue silently when the job entered it, and are notified as the deletion
 *     removes them (a decision: notifying at DeleteJob would touch every execution of the job in one commit), so
 *     their removal always sends notify-next
 */
public record QueueNotice(String thingName, Instant at, int maxReturned, Set<ExecutionKey> entered,
                          Map<ExecutionKey, ExecutionRecord> left, Map<ExecutionKey, ExecutionRecord> moved,
                          boolean headUnknown)
        implements ThingNotice {

    /** SPEC X12's default: most executions a pending listing returns. */
    public static final int DEFAULT_MAX_RETURNED = 10;

    /** SPEC X11: IN_PROGRESS first, then QUEUED, each by {@code queuedAt}, then {@code jobId}. */
    public static final Comparator<ExecutionRecord> QUEUE_ORDER = Comparator
            .comparingInt((ExecutionRecord e) -> e.status() == JobExecutionStatus.IN_PROGRESS ? 0 : 1)
            .thenComparing(ExecutionRecord::queuedAt)
            .thenComparing(ExecutionRecord::jobId)
            .thenComparingLong(ExecutionRecord::executionNumber);

    /** Copies the members. */
    public QueueNotice {
        Objects.requireNonNull(thingName, "thingName");
        entered = Set.copyOf(entered);
        left = Map.copyOf(left);
        moved = Map.copyOf(moved);
    }

    /**
     * @param before the execution as read, or null for a new one
     * @param after the execution as changed, or null when deleted
     * @param at when
     * @return the notice for that change, or null when it changes nothing in the thing's queue (no status change,
     *     or a change between statuses outside the pending set)
     */
    public static QueueNotice of(ExecutionRecord before, ExecutionRecord after, Instant at) {
        boolean wasPending = before != null && before.isPending();
        boolean isPending = after != null && after.isPending();
        ExecutionRecord any = after != null ? after : before;
        if (wasPending && isPending) {
            return before.status() == after.status() ? null
                    : new QueueNotice(any.thingName(), at, DEFAULT_MAX_RETURNED, Set.of(), Map.of(),
                            Map.of(before.key(), before), false);
        }
        if (isPending) {
            return new QueueNotice(any.thingName(), at, DEFAULT_MAX_RETURNED, Set.of(after.key()), Map.of(),
                    Map.of(), false);
        }
        if (wasPending) {
            return new QueueNotice(any.thingName(), at, DEFAULT_MAX_RETURNED, Set.of(), Map.of(before.key(), before),
                    Map.of(), false);
        }
        return null;
    }

    /** @param max most summaries per notify event @return this notice with that limit */
    public QueueNotice withMaxReturned(int max) {
        return new QueueNotice(thingName, at, max, entered, left, moved, headUnknown);
    }

    /** @return this notice for the removal of an execution whose job is in DELETION_IN_PROGRESS */
    public QueueNotice withHeadUnknown() {
        return new QueueNotice(thingName, at, maxReturned, entered, left, moved, true);
    }

    @Override
    public int queueLimit() {
        // One more than a notify carries, so that a cut queue shows where the executions that did not change begin.
        return maxReturned + 1;
    }

    @Override
    public ThingNotice plus(ThingNotice later) {
        QueueNotice next = (QueueNotice) later;
        Set<ExecutionKey> joined = new LinkedHashSet<>(entered);
        Map<ExecutionKey, ExecutionRecord> gone = new LinkedHashMap<>(left);
        Map<ExecutionKey, ExecutionRecord> shifted = new LinkedHashMap<>(moved);
        joined.addAll(next.entered);
        next.left.forEach((key, before) -> {
            // Entered and left within the same changeset: it was never in the queue before, nor is it after.
            if (!joined.remove(key)) {
                gone.putIfAbsent(key, shifted.getOrDefault(key, before));
            }
            shifted.remove(key);
        });
        next.moved.forEach((key, before) -> {
            if (!joined.contains(key)) {
                shifted.putIfAbsent(key, before);
            }
        });
        return new QueueNotice(thingName, at.isAfter(next.at) ? at : next.at, Math.max(maxReturned, next.maxReturned),
                joined, gone, shifted, headUnknown || next.headUnknown);
    }

    @Override
    public List<ThingEvent> eventsFor(List<ExecutionRecord> queue) {
        List<ThingEvent> events = new ArrayList<>(2);
        if (!entered.isEmpty() || !left.isEmpty()) {
            events.add(pendingChanged(queue));
        }
        ExecutionRecord head = queue.isEmpty() ? null : queue.get(0);
        if (headChanged(queue, head)) {
            events.add(new NextJobExecutionChanged(thingName,
                    head == null ? null : Views.execution(head, null, null, at), at));
        }
        return events;
    }

    private PendingJobExecutionsChanged pendingChanged(List<ExecutionRecord> queue) {
        List<JobExecutionSummary> inProgress = new ArrayList<>();
        List<JobExecutionSummary> queued = new ArrayList<>();
        for (ExecutionRecord execution : queue.subList(0, Math.min(queue.size(), maxReturned))) {
            (execution.status() == JobExecutionStatus.IN_PROGRESS ? inProgress : queued)
                    .add(Views.pendingSummary(execution));
        }
        return new PendingJobExecutionsChanged(thingName, inProgress, queued, at);
    }

    private boolean headChanged(List<ExecutionRecord> queue, ExecutionRecord head) {
        if (headUnknown) {
            return true;
        }
        ExecutionRecord oldHead = null;
        boolean unchangedSeen = false;
        for (ExecutionRecord execution : queue) {
            if (!entered.contains(execution.key()) && !moved.containsKey(execution.key())) {
                oldHead = execution;
                unchangedSeen = true;
                break;
            }
        }
        for (ExecutionRecord before : left.values()) {
            oldHead = earlier(oldHead, before);
        }
        for (ExecutionRecord before : moved.values()) {
            oldHead = earlier(oldHead, before);
        }
        if (!unchangedSeen && queue.size() >= queueLimit()) {
            return true;
        }
        return !Objects.equals(oldHead == null ? null : oldHead.key(), head == null ? null : head.key());
    }

    private static ExecutionRecord earlier(ExecutionRecord a, ExecutionRecord b) {
        return a == null || QUEUE_ORDER.compare(b, a) < 0 ? b : a;
    }
}
