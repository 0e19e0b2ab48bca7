package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.event.JobCreated;
import dev.iotjobs.api.event.JobDeleted;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.event.JobExecutionDeleted;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.AbortAction;
import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.AbortCriteria;
import dev.iotjobs.api.model.ExponentialRolloutRate;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobEndBehavior;
import dev.iotjobs.api.model.JobExecutionFailureType;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.RateIncreaseCriteria;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.RetriesUsed;
import dev.iotjobs.spi.RolloutState;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.StatusCounts;
import dev.iotjobs.spi.StoredEvent;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every member of every stored record and event comes back exactly: configurations through JSON, times at
 * millisecond precision, nulls as nulls; and names sort as Java strings on both databases.
 */
class RoundTripTest {
    private static final Instant T = Instant.parse("2026-03-01T12:34:56.789Z");

    @RegisterExtension
    final FreshStore h2 = FreshStore.h2();
    @RegisterExtension
    final FreshStore postgres = FreshStore.postgres();

    private JdbcJobRepository store(String database) {
        return "h2".equals(database) ? h2.repository() : postgres.repository();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aJobWithEveryMemberComesBackEqual(String database) {
        JdbcJobRepository store = store(database);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("z", "last");
        parameters.put("a", "first");
        Job job = Job.builder()
                .jobArn("arn:aws:iot:us-east-1:123456789012:job/full")
                .jobId("full")
                .targetSelection(TargetSelection.CONTINUOUS)
                .status(JobStatus.CANCELED)
                .forceCanceled(true)
                .reasonCode("BAD_BUILD")
                .comment("stop it")
                .targets(List.of("arn:aws:iot:us-east-1:123456789012:thinggroup/fleet",
                        "arn:aws:iot:us-east-1:123456789012:thing/t1"))
                .description("every member set, \"quoted\" and ünïcödé")
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn("arn:aws:iam::123456789012:role/r")
                        .expiresInSec(3600L).build())
                .jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(50)
                        .exponentialRate(ExponentialRolloutRate.builder().baseRatePerMinute(5).incrementFactor(1.1)
                                .rateIncreaseCriteria(RateIncreaseCriteria.builder().numberOfNotifiedThings(10)
                                        .build())
                                .build())
                        .build())
                .abortConfig(AbortConfig.builder().criteriaList(AbortCriteria.builder()
                        .failureType(JobExecutionFailureType.TIMED_OUT).action(AbortAction.CANCEL)
                        .thresholdPercentage(12.345).minNumberOfExecutedThings(3).build()).build())
                .createdAt(T)
                .lastUpdatedAt(T.plusMillis(1))
                .completedAt(T.plusMillis(2))
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(90L).build())
                .namespaceId("ns")
                .jobTemplateArn("arn:aws:iot:us-east-1:123456789012:jobtemplate/t")
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.ALL).numberOfRetries(2).build()).build())
                .documentParameters(parameters)
                .isConcurrent(false)
                .schedulingConfig(SchedulingConfig.builder().startTime("2026-03-02T00:00").endTime("2026-03-03T00:00")
                        .endBehavior(JobEndBehavior.FORCE_CANCEL).build())
                .build();
        JobRecord record = new JobRecord(job, null, "https://example.com/doc.json",
                List.of(new Tag("team", "ops"), new Tag("empty", "")), new StatusCounts(1, 2, 3, 4, 5, 6, 7, 8), 1,
                T.plusMillis(999));

        store.commit(Changeset.builder().insertJob(record).build());

        assertThat(store.findJob("full")).contains(record);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aBareJobKeepsItsNulls(String database) {
        JdbcJobRepository store = store(database);
        JobRecord record = new JobRecord(Job.builder().jobId("bare").status(JobStatus.SCHEDULED).createdAt(T).build(),
                null, null, null, null, 1, null);

        store.commit(Changeset.builder().insertJob(record).build());

        assertThat(store.findJob("bare")).contains(record);
    }

    /** SPEC T7: every member, the per-target counts in target order, and a state of zeros apart from none. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRolloutStateComesBackEqual(String database) {
        JdbcJobRepository store = store(database);
        Map<String, Integer> byTarget = new LinkedHashMap<>();
        byTarget.put("arn:aws:iot:us-east-1:123456789012:thinggroup/z", 7);
        byTarget.put("arn:aws:iot:us-east-1:123456789012:thing/a", 0);
        byTarget.put("arn:aws:iot:us-east-1:123456789012:thinggroup/m", 3);
        RolloutState full = new RolloutState(10, byTarget, 41, 1.1 * 1.1 * 5, 40, 37, T, 12, 11, T.plusMillis(59_999));
        RolloutState zero = new RolloutState(0, null, 0, 0, 0, 0, null, 0, 0, null);
        Job job = Job.builder().status(JobStatus.IN_PROGRESS).createdAt(T).build();
        JobRecord withFull = new JobRecord(job.toBuilder().jobId("full").build(), "{}", null, null, null, 1, null, full);
        JobRecord withZero = new JobRecord(job.toBuilder().jobId("zero").build(), "{}", null, null, null, 1, null, zero);
        JobRecord without = new JobRecord(job.toBuilder().jobId("none").build(), "{}", null, null, null, 1, null, null);

        store.commit(Changeset.builder().insertJob(withFull).insertJob(withZero).insertJob(without).build());

        assertThat(store.findJob("full")).contains(withFull);
        assertThat(store.findJob("full").orElseThrow().rollout().remainingByTarget().keySet())
                .containsExactlyElementsOf(byTarget.keySet());
        assertThat(store.findJob("zero")).contains(withZero);
        assertThat(store.findJob("zero").orElseThrow().rollout()).isNotNull();
        assertThat(store.findJob("none")).contains(without);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rolloutTargetsComeBackEqualInJavaStringOrder(String database) {
        JdbcJobRepository store = store(database);
        List<String> names = List.of("ab", "a-b", "B", "a", "A", "a_b", "aB", "~", "Z");
        Changeset.Builder changes = Changeset.builder()
                .insertJob(new JobRecord(Job.builder().jobId("j").status(JobStatus.IN_PROGRESS).createdAt(T).build(),
                        "{}", null, null, null, 1, null));
        for (int i = 0; i < names.size(); i++) {
            changes.holdBack(new RolloutTarget("j", names.get(i), i % 2 == 0 ? List.of(i, i + 10) : List.of()));
        }
        store.commit(changes.build());

        List<RolloutTarget> listed = store.rolloutTargets("j", 100);
        assertThat(listed).extracting(RolloutTarget::thingName)
                .containsExactlyElementsOf(names.stream().sorted().toList());
        assertThat(listed).filteredOn(target -> target.thingName().equals("a_b"))
                .containsExactly(new RolloutTarget("j", "a_b", List.of()));
        assertThat(listed).filteredOn(target -> target.thingName().equals("aB"))
                .containsExactly(new RolloutTarget("j", "aB", List.of(6, 16)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void executionsThingsAndGroupsComeBackEqual(String database) {
        JdbcJobRepository store = store(database);
        ThingRecord thing = new ThingRecord("t1", "arn:t1", "id-1", "sensor", Map.of("k", "v", "x", ""), 1);
        ThingRecord bareThing = new ThingRecord("t2", null, null, null, null, 1);
        ThingGroupRecord group = new ThingGroupRecord("g", "arn:g", "gid", null, null, Map.of("a", "b"), 1, T);
        ExecutionRecord execution = new ExecutionRecord("j", "t1", 7, JobExecutionStatus.IN_PROGRESS, true,
                Map.of("step", "2/3", "pct", "66"), T, T.plusMillis(5), T.plusMillis(6), 4, 2, T.plusMillis(60_000),
                T.plusMillis(120_000), new RetriesUsed(1, 1));
        ExecutionRecord bare = new ExecutionRecord("j", "t2", 1, JobExecutionStatus.QUEUED, false, null, T, null,
                null, 1, 0, null, null, null);
        // SPEC T5: a retry whose chain's retries used are unknown (as an earlier version wrote it) stays unknown.
        ExecutionRecord unknownRetries = new ExecutionRecord("j", "t2", 2, JobExecutionStatus.QUEUED, false, null, T,
                null, null, 1, 1, null, null, null);

        store.commit(Changeset.builder().insertThing(thing).insertThing(bareThing).insertGroup(group)
                .insertJob(new JobRecord(Job.builder().jobId("j").status(JobStatus.IN_PROGRESS).createdAt(T).build(),
                        "{}", null, null, null, 1, null))
                .insertExecution(execution).insertExecution(bare).insertExecution(unknownRetries).build());

        assertThat(store.findThing("t1")).contains(thing);
        assertThat(store.findThing("t2")).contains(bareThing);
        assertThat(store.findThingGroup("g")).contains(group);
        assertThat(store.findThingGroupById("gid")).contains(group);
        assertThat(store.findExecution("j", "t1", 7L)).contains(execution);
        assertThat(store.findExecution("j", "t2", 1L)).contains(bare);
        assertThat(bare.retriesUsed()).as("a chain's first attempt").isEqualTo(RetriesUsed.NONE);
        assertThat(store.findExecution("j", "t2", 2L)).contains(unknownRetries);
        assertThat(store.executionsDueBy(T.plusMillis(60_000), 10)).containsExactly(execution);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyEventTypeComesBackEqual(String database) {
        JdbcJobRepository store = store(database);
        List<JobEvent> events = List.of(
                new JobCreated("j", T, "arn:j", TargetSelection.SNAPSHOT, JobStatus.SCHEDULED),
                new JobCreated("j", null, null, null, null),
                new JobStatusChanged("j", T, JobStatus.IN_PROGRESS, JobStatus.CANCELED, true, "WHY"),
                new JobStatusChanged("j", T, JobStatus.IN_PROGRESS, JobStatus.COMPLETED, false, null),
                new JobDeleted("j", T.plusMillis(1)),
                new JobExecutionCreated("j", "t", 3, T, JobExecutionStatus.QUEUED, 1),
                new JobExecutionStatusChanged("j", "t", 3, T, JobExecutionStatus.QUEUED,
                        JobExecutionStatus.IN_PROGRESS, 2),
                new JobExecutionDeleted("j", "t", 3, T, JobExecutionStatus.REMOVED, 9));
        Changeset.Builder changes = Changeset.builder();
        events.forEach(changes::event);

        List<StoredEvent> stored = store.commit(changes.build()).events();

        assertThat(stored).extracting(StoredEvent::event).containsExactlyElementsOf(events);
        assertThat(store.eventsAfter(0, 100)).isEqualTo(stored);
    }

    /** The in-memory store's order: Java's String.compareTo, whatever the database's locale. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void namesSortAsJavaStrings(String database) {
        JdbcJobRepository store = store(database);
        List<String> names = List.of("ab", "a-b", "B", "a", "A", "a_b", "aB", "Ab", "b", "a0", "a b", "~", "Z");
        Changeset.Builder changes = Changeset.builder()
                .insertJob(new JobRecord(Job.builder().jobId("j").status(JobStatus.IN_PROGRESS).createdAt(T).build(),
                        "{}", null, null, null, 1, null));
        for (String name : names) {
            changes.insertThing(new ThingRecord(name, null, null, null, null, 1))
                    .insertExecution(new ExecutionRecord("j", name, 1, JobExecutionStatus.QUEUED, false, null, T,
                            null, null, 1, 0, null, null, null));
        }
        store.commit(changes.build());

        List<String> sorted = names.stream().sorted().toList();
        assertThat(store.listExecutionsForJob("j", null, null, 100).items()).extracting(ExecutionRecord::thingName)
                .containsExactlyElementsOf(sorted);
        assertThat(store.listExecutionsForJob("j", null, new JobExecutionsKey("a", 1), 100).items())
                .extracting(ExecutionRecord::thingName)
                .containsExactlyElementsOf(sorted.subList(sorted.indexOf("a") + 1, sorted.size()));
    }
}
