package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The payload column of the device notifications (SPEC E4) in the outbox: their summaries and execution as JSON,
 * with times as epoch milliseconds (the column types of {@link Json} hold no {@link Instant}).
 */
final class ThingEventPayloads {
    private ThingEventPayloads() {
    }

    /** A pending summary as GetPendingJobExecutions carries it. */
    record Summary(String jobId, Long queuedAt, Long startedAt, Long lastUpdatedAt, Long versionNumber,
                   Long executionNumber) {
        static Summary of(JobExecutionSummary s) {
            return new Summary(s.jobId(), Columns.millis(s.queuedAt()), Columns.millis(s.startedAt()),
                    Columns.millis(s.lastUpdatedAt()), s.versionNumber(), s.executionNumber());
        }

        JobExecutionSummary summary() {
            return JobExecutionSummary.builder().jobId(jobId).queuedAt(instant(queuedAt))
                    .startedAt(instant(startedAt)).lastUpdatedAt(instant(lastUpdatedAt))
                    .versionNumber(versionNumber).executionNumber(executionNumber).build();
        }
    }

    /** The notify payload. */
    record Pending(List<Summary> inProgressJobs, List<Summary> queuedJobs) {
    }

    /** The notify-next head, without the document (added on delivery). */
    record Head(String jobId, JobExecutionStatus status, Boolean forceCanceled, Map<String, String> statusDetails,
                Long queuedAt, Long startedAt, Long lastUpdatedAt, Long approximateSecondsBeforeTimedOut,
                Long versionNumber, Long executionNumber) {
    }

    static String write(PendingJobExecutionsChanged event) {
        return Json.write(new Pending(event.inProgressJobs().stream().map(Summary::of).toList(),
                event.queuedJobs().stream().map(Summary::of).toList()));
    }

    static String write(NextJobExecutionChanged event) {
        JobExecution e = event.execution();
        return e == null ? null : Json.write(new Head(e.jobId(), e.status(), e.forceCanceled(), e.statusDetails(),
                Columns.millis(e.queuedAt()), Columns.millis(e.startedAt()), Columns.millis(e.lastUpdatedAt()),
                e.approximateSecondsBeforeTimedOut(), e.versionNumber(), e.executionNumber()));
    }

    static PendingJobExecutionsChanged pending(String thingName, Instant at, String payload) {
        Pending pending = Json.read(payload, Pending.class);
        return new PendingJobExecutionsChanged(thingName,
                pending.inProgressJobs().stream().map(Summary::summary).toList(),
                pending.queuedJobs().stream().map(Summary::summary).toList(), at);
    }

    static NextJobExecutionChanged next(String thingName, Instant at, String payload) {
        Head head = Json.read(payload, Head.class);
        if (head == null) {
            return new NextJobExecutionChanged(thingName, null, at);
        }
        return new NextJobExecutionChanged(thingName, JobExecution.builder()
                .jobId(head.jobId()).thingName(thingName).status(head.status()).forceCanceled(head.forceCanceled())
                .statusDetails(head.statusDetails()).queuedAt(instant(head.queuedAt()))
                .startedAt(instant(head.startedAt())).lastUpdatedAt(instant(head.lastUpdatedAt()))
                .approximateSecondsBeforeTimedOut(head.approximateSecondsBeforeTimedOut())
                .versionNumber(head.versionNumber()).executionNumber(head.executionNumber())
                .build(), at);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
