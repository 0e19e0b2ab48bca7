package dev.iotjobs.bench.http;

import java.time.Duration;

/** A process's CPU time (user + system, all threads), as the OS counts it ({@code /proc/<pid>/stat} on Linux). */
public final class ProcessCpu {
    private ProcessCpu() {
    }

    /**
     * @param process a live process
     * @return its CPU seconds so far
     * @throws IllegalStateException if the OS does not tell
     */
    public static double seconds(ProcessHandle process) {
        Duration cpu = process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
        return cpu.toNanos() / 1e9;
    }
}
