package dev.iotjobs.core;

import dev.iotjobs.api.JobsControlPlane;
import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.ThingRegistry;
import dev.iotjobs.core.rules.Scope;
import dev.iotjobs.spi.JobRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS IoT Jobs engine: built once over a {@link JobRepository}, thread-safe, serving the control plane,
 * the device data plane and the thing registry.
 *
 * <pre>{@code
 * JobsEngine engine = JobsEngine.builder()
 *     .repository(new InMemoryJobRepository())
 *     .region("us-east-1").accountId("123456789012")
 *     .build();
 * engine.controlPlane().createJob(...);
 * engine.dataPlane().startNextPendingJobExecution(...);
 * }</pre>
 *
 * <p>Every operation loads what it needs, decides with the pure rules of {@code dev.iotjobs.core.rules}, and
 * commits the decision and its events atomically; on stale state it loads and decides again.
 */
public final class JobsEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobsEngine.class);
    /** SPEC C4's default {@code batchSize}. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final ControlPlaneService controlPlane;
    private final DataPlaneService dataPlane;
    private final ThingRegistryService things;
    private final EventDispatcher events;
    private final DueWork dueWork;
    private final Duration dueWorkPeriod;
    private ScheduledExecutorService background;

    private JobsEngine(Builder builder) {
        Scope scope = new Scope(builder.region, builder.accountId);
        this.events = new EventDispatcher(builder.repository, builder.clock, builder.nodeId, builder.relayLease,
                builder.eventGapWait, new NotifyNextDocuments(builder.repository, scope, builder.presignedUrlSigner));
        CommitLoop commits = new CommitLoop(builder.repository, events, builder.limits.maxCommitAttempts(),
                builder.limits.maxPendingReturned(), builder.deviceNotifications);
        EngineContext ctx = new EngineContext(builder.repository, builder.clock, scope, builder.limits, commits,
                builder.documentSourceResolver, builder.presignedUrlSigner, builder.managedJobTemplates,
                builder.batchSize);
        TargetExpander targets = new TargetExpander(builder.repository, scope);
        Cancellations cancellations = new Cancellations(ctx);
        Aborts aborts = new Aborts(ctx, cancellations);
        Overdue overdue = new Overdue(ctx, aborts);
        this.controlPlane = new ControlPlaneService(ctx, targets, overdue, cancellations);
        this.dataPlane = new DataPlaneService(ctx, overdue, aborts);
        this.things = new ThingRegistryService(ctx, targets);
        this.dueWork = new DueWork(ctx, targets, overdue, cancellations);
        this.dueWorkPeriod = builder.dueWorkPeriod;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the jobs control plane */
    public JobsControlPlane controlPlane() {
        return controlPlane;
    }

    /** @return the device data plane */
    public JobsDataPlane dataPlane() {
        return dataPlane;
    }

    /** @return the thing registry */
    public ThingRegistry things() {
        return things;
    }

    /** @return the event subscriptions */
    public JobEvents events() {
        return events;
    }

    /**
     * Applies everything due now (timeouts and their retries, deletion cascades, rollout windows, scheduled starts
     * and ends), in bounded batches, looping until nothing due is left, then returns. Safe to call from several
     * threads and nodes at once.
     *
     * @return how much it changed: the executions it timed out plus the steps it took on jobs
     */
    public int runDueWork() {
        return dueWork.run();
    }

    /**
     * Starts a background thread that calls {@link #runDueWork()} every period; {@link #close()} stops it.
     *
     * @return this engine
     */
    public synchronized JobsEngine start() {
        if (background == null) {
            background = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "iotjobs-due-work");
                thread.setDaemon(true);
                return thread;
            });
            long period = dueWorkPeriod.toMillis();
            events.dropInBackground(true);
            background.scheduleWithFixedDelay(this::runDueWorkSafely, period, period, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void runDueWorkSafely() {
        try {
            runDueWork();
            events.relayAll();
        } catch (RuntimeException e) {
            LOG.warn("due work or event relay failed; retrying next period", e);
        }
    }

    /**
     * Delivers the stored events that are waiting, if this node holds the store's relay lease. Commits deliver
     * their own events at once and {@link #start()}'s thread calls this every period; call it yourself to deliver
     * events of a restart or of other nodes without starting the thread.
     */
    public void relayEvents() {
        events.relayAll();
    }

    /** Stops the background thread, if started, waiting for a running round to finish. */
    @Override
    public synchronized void close() {
        if (background != null) {
            background.shutdown();
            try {
                if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
                    background.shutdownNow();
                }
            } catch (InterruptedException e) {
                background.shutdownNow();
                Thread.currentThread().interrupt();
            }
            background = null;
            events.dropInBackground(false);
        }
    }

    /** Configures a {@link JobsEngine}. */
    public static final class Builder {
        private JobRepository repository;
        private Clock clock = Clock.systemUTC();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private EngineLimits limits = EngineLimits.AWS_DEFAULTS;
        private DocumentSourceResolver documentSourceResolver;
        private PresignedUrlSigner presignedUrlSigner;
        private final List<ManagedJobTemplate> hostTemplates = new ArrayList<>();
        private ManagedJobTemplates managedJobTemplates;
        private Duration dueWorkPeriod = Duration.ofSeconds(1);
        private String nodeId = UUID.randomUUID().toString();
        private Duration relayLease = Duration.ofSeconds(10);
        private Duration eventGapWait = Duration.ofSeconds(2);
        private boolean deviceNotifications = true;
        private int batchSize = DEFAULT_BATCH_SIZE;

        /**
         * @param enabled whether commits emit the device notifications {@code PendingJobExecutionsChanged} (notify)
         *     and {@code NextJobExecutionChanged} (notify-next) (default true; SPEC E4). Each costs the store one
         *     read of the thing's first 11 pending executions inside the commit of every change to its queue; an
         *     engine whose devices never listen can save it.
         * @return this
         */
        public Builder deviceNotifications(boolean enabled) {
            this.deviceNotifications = enabled;
            return this;
        }

        private Builder() {
        }

        /**
         * @param repository where jobs live (required; {@link #build()} checks it was given)
         * @return this
         */
        public Builder repository(JobRepository repository) {
            this.repository = repository;
            return this;
        }

        /** @param clock the engine's time (default: system UTC); inject one in tests @return this */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @param region the region in ARNs (default {@code us-east-1}): an AWS region name; {@link #build()} checks it
         * @return this
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * @param accountId the account in ARNs (default {@code 123456789012}): 12 digits; {@link #build()} checks it
         * @return this
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** @param limits limits beyond the shapes (default AWS's) @return this */
        public Builder limits(EngineLimits limits) {
            this.limits = limits;
            return this;
        }

        /** @param resolver fetches documents given as {@code documentSource} (default: none) @return this */
        public Builder documentSourceResolver(DocumentSourceResolver resolver) {
            this.documentSourceResolver = resolver;
            return this;
        }

        /**
         * @param signer signs the URLs of {@code ${aws:iot:s3-presigned-url:URL}} placeholders each time a device
         *     receives a document (default: none; then CreateJob rejects documents with such placeholders; SPEC J16)
         * @return this
         */
        public Builder presignedUrlSigner(PresignedUrlSigner signer) {
            this.presignedUrlSigner = signer;
            return this;
        }

        /**
         * Adds a managed job template to the catalogue, beside AWS's {@code AWS-Reboot} and
         * {@code AWS-Download-File} (SPEC J15); call once per template (or version). {@link #build()} checks it.
         *
         * @param template the template
         * @return this
         */
        public Builder managedJobTemplate(ManagedJobTemplate template) {
            hostTemplates.add(template);
            return this;
        }

        /**
         * SPEC C4: work on many executions at once is committed in batches of at most this many executions: a
         * CancelJob (or abort, or scheduled cancel) whose executions do not fit in its own commit cancels only the
         * job there, and due work ({@link JobsEngine#runDueWork()}, or {@link JobsEngine#start()}'s thread) cancels
         * the executions batch by batch while the job shows {@code isConcurrent} true; rollout windows and the
         * deletion cascade take at most this many per commit too. (CreateJob, AssociateTargetsWithJob and
         * DeleteThing still commit their executions in one transaction.)
         *
         * @param size the most executions one commit touches (default 1000); at least 1
         * @return this
         */
        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        /** @param period how often {@link #start()}'s thread runs due work (default 1 s) @return this */
        public Builder dueWorkPeriod(Duration period) {
            this.dueWorkPeriod = period;
            return this;
        }

        /**
         * @param nodeId this engine node's name among the nodes sharing a store (default: random); a node that keeps
         *     its name across restarts takes its event relay lease back at once
         * @return this
         */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /**
         * @param lease how long this node relays events for after its last relay round before another node may take
         *     over (default 10 s)
         * @return this
         */
        public Builder relayLease(Duration lease) {
            this.relayLease = lease;
            return this;
        }

        /**
         * @param gapWait how long the relay waits for a missing event sequence number (a transaction that took its
         *     number earlier but commits later) before delivering past it (default 2 s)
         * @return this
         */
        public Builder eventGapWait(Duration gapWait) {
            this.eventGapWait = gapWait;
            return this;
        }

        /**
         * @return the engine
         * @throws NullPointerException if no repository was given, or another setting was set to null
         * @throws IllegalArgumentException if the region is not an AWS region name, the account id is not 12
         *     digits, the batch size is below 1, the due work period is not positive, or a managed job template is
         *     malformed (its name, version, description, document, a parameter's key or regex, an example its regex
         *     rejects, a placeholder without its parameter) or registered twice
         */
        public JobsEngine build() {
            Objects.requireNonNull(repository, "repository is required: call JobsEngine.builder().repository(...) "
                    + "with a JobRepository, for example JdbcJobRepository.create(dataSource) or "
                    + "new InMemoryJobRepository()");
            requireSet(clock, "clock");
            requireSet(limits, "limits");
            requireSet(dueWorkPeriod, "dueWorkPeriod");
            requireSet(nodeId, "nodeId");
            requireSet(relayLease, "relayLease");
            requireSet(eventGapWait, "eventGapWait");
            if (region == null || !region.matches("[a-z]{2,4}(-[a-z]+)+-\\d+")) {
                throw new IllegalArgumentException("region must be an AWS region name such as us-east-1 or "
                        + "eu-central-1 (lower-case letters, dashes, a number at the end), not " + quoted(region));
            }
            if (accountId == null || !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, such as 123456789012, not "
                        + quoted(accountId));
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
            }
            if (dueWorkPeriod.isNegative() || dueWorkPeriod.isZero()) {
                throw new IllegalArgumentException("dueWorkPeriod must be positive, not " + dueWorkPeriod);
            }
            managedJobTemplates = ManagedJobTemplates.of(hostTemplates);
            return new JobsEngine(this);
        }

        private static void requireSet(Object value, String setting) {
            Objects.requireNonNull(value, () -> setting + " must not be null: leave it out to keep its default");
        }

        private static String quoted(String value) {
            return value == null ? "null" : "\"" + value + "\"";
        }
    }
}
