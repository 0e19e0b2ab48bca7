package dev.iotjobs.bench.mqtt;

import dev.iotjobs.bench.http.ProcessCpu;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * This JVM's CPU time split by who spent it: each live Java thread's CPU time ({@code ThreadMXBean}), summed by the
 * {@link Group} its name puts it in, and the process's total ({@code /proc}), whose rest is the JVM's own threads
 * that {@code ThreadMXBean} does not show (garbage collector, JIT compilers, VM thread). A {@link Snapshot} at the
 * window's opening and one at its close give the window's split; a thread that ended inside the window loses its
 * time to "JVM" (the bench server starts and ends none while measuring).
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Who a thread works for, by its name. */
    enum Group {
        /** The bridge's request workers ({@code iotjobs-mqtt-request-N}): decode, the engine call, encode. */
        BRIDGE_REQUESTS("bridge request workers (incl. engine calls)"),
        /** The bridge's notification publisher ({@code iotjobs-mqtt-notify}). */
        BRIDGE_NOTIFY("bridge notify publisher"),
        /** The HiveMQ client of the bridge: its Netty event loop and RxJava's threads that run its callbacks. */
        BRIDGE_CLIENT("bridge's HiveMQ client"),
        /** Moquette: its Netty event loops, session loops, interceptor and scheduler pools. */
        BROKER("embedded broker (Moquette)"),
        /** The engine's background thread (due work and the event relay). */
        ENGINE("engine background"),
        /** Any other Java thread (the stdin command reader, JDK housekeeping). */
        OTHER("other Java threads"),
        /** Process CPU not on any live Java thread: GC, JIT, the VM thread. */
        JVM("JVM (GC, JIT, VM)");

        final String label;

        Group(String label) {
            this.label = label;
        }

        static Group of(String threadName) {
            if (threadName.startsWith("iotjobs-mqtt-request-")) {
                return BRIDGE_REQUESTS;
            }
            if (threadName.startsWith("iotjobs-mqtt-notify")) {
                return BRIDGE_NOTIFY;
            }
            if (threadName.startsWith("com.hivemq.client.") || threadName.startsWith("RxComputationThreadPool")
                    || threadName.startsWith("RxSingleScheduler") || threadName.startsWith("RxCachedThreadScheduler")) {
                return BRIDGE_CLIENT;
            }
            // Moquette 0.17 names its Netty loops after Netty's default factory, its session loops itself, and its
            // interceptor and scheduler pools after java.util.concurrent's default factory ("pool-N-thread-M"),
            // which nothing else in the bench server uses (MqttBenchServer's THREADS line lists them all).
            if (threadName.startsWith("nioEventLoopGroup") || threadName.startsWith("Session Executor")
                    || threadName.startsWith("pool-")) {
                return BROKER;
            }
            if (threadName.startsWith("iotjobs-due-work")) {
                return ENGINE;
            }
            return OTHER;
        }
    }

    /**
     * CPU seconds so far: per live thread, and the process's.
     *
     * @param threads thread id to its name and CPU seconds
     * @param process the process's CPU seconds
     */
    record Snapshot(Map<Long, Named> threads, double process) {
    }

    /** A thread's name and CPU seconds. */
    record Named(String name, double seconds) {
    }

    /** @return this JVM's CPU time now */
    static Snapshot now() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = bean.getAllThreadIds();
        long[] cpu = bean.getThreadCpuTime(ids);
        ThreadInfo[] infos = bean.getThreadInfo(ids);
        double process = ProcessCpu.seconds(ProcessHandle.current());
        Map<Long, Named> threads = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && cpu[i] >= 0) {
                threads.put(ids[i], new Named(infos[i].getThreadName(), cpu[i] / 1e9));
            }
        }
        return new Snapshot(threads, process);
    }

    /**
     * @param opened the window's first snapshot
     * @param closed its last
     * @return CPU seconds in the window by group, in {@link Group} order; they add up to the process's
     */
    static Map<Group, Double> between(Snapshot opened, Snapshot closed) {
        Map<Group, Double> groups = new LinkedHashMap<>();
        for (Group group : Group.values()) {
            groups.put(group, 0.0);
        }
        double threads = 0;
        for (Map.Entry<Long, Named> entry : closed.threads().entrySet()) {
            Named before = opened.threads().get(entry.getKey());
            double spent = entry.getValue().seconds() - (before == null ? 0 : before.seconds());
            groups.merge(Group.of(entry.getValue().name()), spent, Double::sum);
            threads += spent;
        }
        groups.put(Group.JVM, Math.max(0, closed.process() - opened.process() - threads));
        return groups;
    }

    /**
     * @param snapshot a snapshot
     * @return every thread's name, group and CPU seconds so far, one per line, busiest first (to check the groups)
     */
    static String describe(Snapshot snapshot) {
        StringBuilder out = new StringBuilder();
        snapshot.threads().values().stream()
                .sorted((a, b) -> Double.compare(b.seconds(), a.seconds()))
                .forEach(t -> out.append(String.format(Locale.ROOT, "%8.3f s  %-16s %s%n", t.seconds(),
                        Group.of(t.name()), t.name())));
        return out.toString();
    }
}
