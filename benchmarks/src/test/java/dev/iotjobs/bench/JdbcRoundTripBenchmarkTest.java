package dev.iotjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.event.ThingEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the benchmark's operations by hand on an H2 file database and a tiny fleet, so that a broken supply or
 * baseline fails the build, not a run. (PostgreSQL only starts in a real run.)
 */
class JdbcRoundTripBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void roundTripsOnH2RefillInlineWhenTheyOutrunTheIterationsJobs(String notifications) throws Exception {
        JdbcRoundTripBenchmark.Database database = new JdbcRoundTripBenchmark.Database();
        database.database = "h2";
        database.start(2);
        try {
            JdbcRoundTripBenchmark.ThingSlices slices = new JdbcRoundTripBenchmark.ThingSlices();
            slices.things = 20;
            slices.cut(2);
            JdbcRoundTripBenchmark.EngineFleet fleet = new JdbcRoundTripBenchmark.EngineFleet();
            fleet.jobsPerIteration = 2;
            fleet.notifications = notifications;
            fleet.registerFleet(database, slices);
            JdbcRoundTripBenchmark.SliceWalker walker = new JdbcRoundTripBenchmark.SliceWalker();
            walker.claim(slices);
            JdbcRoundTripBenchmark benchmark = new JdbcRoundTripBenchmark();

            for (int iteration = 0; iteration < 2; iteration++) {
                fleet.queueJobs();
                walker.rewind();
                // 2 jobs give each of the walker's 10 things 2 executions; 25 round trips need one inline job.
                for (int i = 0; i < 25; i++) {
                    // Not asked for: no execution state in the response.
                    assertThat(benchmark.roundTrip(fleet, walker).executionState()).isNull();
                }
                assertThat(walker.refills).isEqualTo(1);
                fleet.deleteJobs();
            }
            // The cascade ran to the end: the first iteration's jobs are gone.
            assertThat(catchThrowable(() -> fleet.engine.controlPlane()
                    .describeJob(DescribeJobRequest.builder().jobId("firmware-1").build()))).isNotNull();

            // The parameter reaches the engine (only here is anyone subscribed; the benchmark subscribes nobody).
            AtomicInteger thingEvents = new AtomicInteger();
            fleet.queueJobs();
            walker.rewind();
            try (AutoCloseable subscription = fleet.engine.events().subscribe(event -> {
                if (event instanceof ThingEvent) {
                    thingEvents.incrementAndGet();
                }
            })) {
                // The set-up dropped the queueing's notices, untimed: a new subscriber gets no backlog.
                fleet.engine.relayEvents();
                assertThat(thingEvents).hasValue(0);
                for (int i = 0; i < 5; i++) {
                    benchmark.roundTrip(fleet, walker);
                }
            }
            // With them on, each SUCCEEDED sends notify and notify-next; the start changes neither.
            assertThat(thingEvents).hasValue(notifications.equals("on") ? 10 : 0);
            fleet.deleteJobs();
            fleet.report();
        } finally {
            database.stop();
        }
        assertThat(database.bench).isNull();
    }

    @Test
    void theBaselineCommitsOneRowUpdatePerOperation() throws Exception {
        JdbcRoundTripBenchmark.Database database = new JdbcRoundTripBenchmark.Database();
        database.database = "h2";
        database.start(2);
        try {
            JdbcRoundTripBenchmark.CounterTable table = new JdbcRoundTripBenchmark.CounterTable();
            table.create(database, 2);
            JdbcRoundTripBenchmark.CounterRow first = new JdbcRoundTripBenchmark.CounterRow();
            first.claim(table);
            JdbcRoundTripBenchmark.CounterRow second = new JdbcRoundTripBenchmark.CounterRow();
            second.claim(table);
            JdbcRoundTripBenchmark benchmark = new JdbcRoundTripBenchmark();

            for (int i = 0; i < 5; i++) {
                assertThat(benchmark.baselineRowUpdate(table, first)).isEqualTo(1);
                assertThat(benchmark.baselineRowUpdateEightThreads(table, second)).isEqualTo(1);
            }
            assertThat(table.total()).isEqualTo(10);
        } finally {
            database.stop();
        }
    }
}
