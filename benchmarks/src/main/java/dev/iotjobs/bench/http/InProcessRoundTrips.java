package dev.iotjobs.bench.http;

import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of the HTTP runs: the same device loop as {@link HttpLoadGenerator}'s (StartNext, then the update
 * to SUCCEEDED with {@code expectedVersion}, each thread over its own slice of things), called on
 * {@code engine.dataPlane()} directly by N threads, with the same warm-up, window and drain.
 */
final class InProcessRoundTrips {
    private InProcessRoundTrips() {
    }

    /**
     * @param devices the engine's data plane
     * @param things the things, cut into one slice per thread
     * @param threads how many threads
     * @param warmup the warm-up
     * @param measured the window
     * @return the counts (no latencies); its CPU seconds are this whole process's in the window
     * @throws InterruptedException if interrupted
     */
    static LoadResult run(JobsDataPlane devices, List<String> things, int threads, Duration warmup, Duration measured)
            throws InterruptedException {
        AtomicInteger phase = new AtomicInteger(); // 0 warm-up, 1 measured, 2 stopping
        List<Loop> loops = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<String> slice = new ArrayList<>();
            for (int i = t; i < things.size(); i += threads) {
                slice.add(things.get(i));
            }
            Loop loop = new Loop(devices, slice, phase);
            loops.add(loop);
            Thread thread = new Thread(loop, "in-process-device-" + t);
            running.add(thread);
            thread.start();
        }
        Thread.sleep(warmup.toMillis());
        long opened = System.nanoTime();
        double cpuBefore = ProcessCpu.seconds(ProcessHandle.current());
        phase.set(1);
        Thread.sleep(measured.toMillis());
        phase.set(2);
        long closed = System.nanoTime();
        double cpu = ProcessCpu.seconds(ProcessHandle.current()) - cpuBefore;
        for (Thread thread : running) {
            thread.join();
        }
        RoundTripTally sum = new RoundTripTally();
        for (Loop loop : loops) {
            sum.add(loop.tally);
        }
        return new LoadResult(threads, (closed - opened) / 1e9, sum.roundTrips, sum.calls, sum.errors, sum.empty,
                0, 0, sum.totalRoundTrips, sum.totalErrors, 0, cpu);
    }

    private static final class Loop implements Runnable {
        private final JobsDataPlane devices;
        private final List<String> things;
        private final AtomicInteger phase;
        final RoundTripTally tally = new RoundTripTally();

        Loop(JobsDataPlane devices, List<String> things, AtomicInteger phase) {
            this.devices = devices;
            this.things = things;
            this.phase = phase;
        }

        @Override
        public void run() {
            for (int i = 0; phase.get() < 2; i = i + 1 == things.size() ? 0 : i + 1) {
                String thing = things.get(i);
                JobExecution started;
                try {
                    started = devices.startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                            .thingName(thing).build()).execution();
                } catch (RuntimeException e) {
                    count(false, false);
                    continue;
                }
                if (started == null) {
                    count(true, false);
                    tally.emptyAnswer(phase.get() == 1);
                    continue;
                }
                count(true, false);
                boolean ok;
                try {
                    devices.updateJobExecution(UpdateJobExecutionRequest.builder().thingName(thing)
                            .jobId(started.jobId()).status(JobExecutionStatus.SUCCEEDED)
                            .expectedVersion(started.versionNumber()).build());
                    ok = true;
                } catch (RuntimeException e) {
                    ok = false;
                }
                count(ok, ok);
            }
        }

        private void count(boolean ok, boolean roundTrip) {
            tally.call(phase.get() == 1, ok, roundTrip);
        }
    }
}
