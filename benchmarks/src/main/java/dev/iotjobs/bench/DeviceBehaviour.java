package dev.iotjobs.bench;

import dev.iotjobs.api.model.JobExecutionStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a simulated device does with the firmware job, drawn from the seed and the device's number only, so the final
 * counters of a run do not depend on thread scheduling.
 */
enum DeviceBehaviour {
    /** Installs the update: SUCCEEDED. */
    SUCCEEDS,
    /** Reports FAILED; the job's retry (FAILED: 1) queues a second execution, which it takes at once. */
    FAILS,
    /** Reports REJECTED, which is never retried. */
    REJECTS,
    /**
     * Reports IN_PROGRESS and goes silent: the job's in-progress timeout makes it TIMED_OUT, the retry (TIMED_OUT: 1)
     * queues a second execution, and the device, back online after the rest of the fleet, succeeds with it.
     */
    GOES_SILENT;

    /** Per mille of devices that fail, reject, go silent; the rest succeed. */
    static final int FAILS_PER_MILLE = 30;
    static final int REJECTS_PER_MILLE = 20;
    static final int SILENT_PER_MILLE = 10;
    /** Per mille of failing devices whose retry fails too (and is not retried again). */
    static final int FAILS_AGAIN_PER_MILLE = 333;

    /** @return what device {@code index} does, the same for a seed on every run */
    static DeviceBehaviour of(long seed, int index) {
        int draw = new SplittableRandom(seed * 1_000_003L + index).nextInt(1000);
        if (draw < FAILS_PER_MILLE) {
            return FAILS;
        }
        if (draw < FAILS_PER_MILLE + REJECTS_PER_MILLE) {
            return REJECTS;
        }
        if (draw < FAILS_PER_MILLE + REJECTS_PER_MILLE + SILENT_PER_MILLE) {
            return GOES_SILENT;
        }
        return SUCCEEDS;
    }

    /**
     * @param seed the run's seed
     * @param index the device's number
     * @param attempt 0 for the device's first execution, 1 for its retry
     * @return the terminal status the device reports on that execution (a silent device's first is never reported)
     */
    static JobExecutionStatus outcome(long seed, int index, int attempt) {
        return switch (of(seed, index)) {
            case SUCCEEDS, GOES_SILENT -> JobExecutionStatus.SUCCEEDED;
            case REJECTS -> JobExecutionStatus.REJECTED;
            case FAILS -> attempt == 0 || failsAgain(seed, index) ? JobExecutionStatus.FAILED
                    : JobExecutionStatus.SUCCEEDED;
        };
    }

    private static boolean failsAgain(long seed, int index) {
        return new SplittableRandom(seed * 7_919L + index).nextInt(1000) < FAILS_AGAIN_PER_MILLE;
    }

    /**
     * @param seed the run's seed
     * @param things the fleet's size
     * @return how many executions the job must end with in each status, counting every attempt (SPEC X1)
     */
    static Map<JobExecutionStatus, Long> expectedStatuses(long seed, int things) {
        Map<JobExecutionStatus, Long> expected = new EnumMap<>(JobExecutionStatus.class);
        for (int i = 0; i < things; i++) {
            DeviceBehaviour behaviour = of(seed, i);
            if (behaviour == GOES_SILENT) {
                expected.merge(JobExecutionStatus.TIMED_OUT, 1L, Long::sum);
            }
            expected.merge(outcome(seed, i, 0), 1L, Long::sum);
            if (behaviour == FAILS) {
                expected.merge(outcome(seed, i, 1), 1L, Long::sum);
            }
        }
        return expected;
    }
}
