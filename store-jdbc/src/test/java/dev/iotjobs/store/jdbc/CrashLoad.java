package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionResponse;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.core.JobsEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link CrashRecoveryTest}: devices work through their job on the database named by the arguments
 * and write down every update the engine acknowledged and every event it delivered, until the parent kills this JVM
 * with SIGKILL. Arguments: JDBC URL, user, password, acknowledgement file, event file, thing count, thread count.
 */
public final class CrashLoad {
    private CrashLoad() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path acks = Path.of(args[3]);
        Path events = Path.of(args[4]);
        int things = Integer.parseInt(args[5]);
        int threads = Integer.parseInt(args[6]);
        JobsEngine engine = JobsEngine.builder()
                .repository(JdbcJobRepository.create(CrashDatabases.dataSource(url, args[1], args[2])))
                .nodeId("crashing-node")
                .build();
        try (Log ackLog = new Log(acks); Log eventLog = new Log(events)) {
            engine.events().subscribe(event -> eventLog.write(event.toString()));
            List<Thread> devices = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int slice = t;
                Thread device = new Thread(() -> {
                    for (int i = slice; i < things; i += threads) {
                        work(engine, CrashDatabases.thing(i), ackLog);
                    }
                });
                device.start();
                devices.add(device);
            }
            for (Thread device : devices) {
                device.join();
            }
        }
    }

    /** One device: start each pending job, report progress, then succeed; acknowledge each answered update. */
    private static void work(JobsEngine engine, String thing, Log acks) {
        while (true) {
            JobExecution next = engine.dataPlane().startNextPendingJobExecution(
                    StartNextPendingJobExecutionRequest.builder().thingName(thing).build()).execution();
            if (next == null) {
                return;
            }
            acks.write(thing + "," + next.jobId() + ",IN_PROGRESS," + next.versionNumber());
            for (JobExecutionStatus status : List.of(JobExecutionStatus.IN_PROGRESS, JobExecutionStatus.SUCCEEDED)) {
                UpdateJobExecutionResponse answer = engine.dataPlane().updateJobExecution(UpdateJobExecutionRequest
                        .builder().jobId(next.jobId()).thingName(thing).status(status)
                        .includeJobExecutionState(true).build());
                acks.write(thing + "," + next.jobId() + "," + status + "," + answer.executionState().versionNumber());
            }
        }
    }

    /** A line file flushed after every line, so that what was written survives SIGKILL. */
    private static final class Log implements AutoCloseable {
        private final BufferedWriter out;

        Log(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        synchronized void write(String line) {
            try {
                out.write(line);
                out.newLine();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            out.close();
        }
    }
}
