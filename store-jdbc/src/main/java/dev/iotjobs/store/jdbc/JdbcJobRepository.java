package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.CommitResult;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobAndExecution;
import dev.iotjobs.spi.JobCompletion;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobFilter;
import dev.iotjobs.spi.JobListKey;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.JobTemplateListKey;
import dev.iotjobs.spi.JobTemplateRecord;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.StoredEvent;
import dev.iotjobs.spi.ThingExecutionsKey;
import dev.iotjobs.spi.ThingFilter;
import dev.iotjobs.spi.ThingGroupFilter;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobRepository} in a relational database through JDBC: H2 2.x (a file, or memory) as the embedded
 * default, PostgreSQL 14 or later for several engine nodes sharing one database.
 *
 * <pre>{@code
 * JdbcJobRepository store = JdbcJobRepository.create(dataSource);   // checks, migrates, detects the database
 * JobsEngine engine = JobsEngine.builder().repository(store).build();
 * ...
 * engine.close();   // when the service stops
 * store.close();
 * }</pre>
 *
 * <p>{@link #create} applies the store's Flyway migrations ({@value #MIGRATIONS_LOCATION}, history table
 * {@value #SCHEMA_HISTORY_TABLE}); a host that runs Flyway itself can run the same location with that table
 * beforehand. Every table is prefixed {@code iotjobs_}.
 *
 * <p>Each query is one statement on an index, paginated by keyset; each {@link #commit} is one READ COMMITTED
 * transaction that applies the changeset in its documented order with compare-and-set statements (versions,
 * revisions), adds counter deltas in place, completes jobs with one conditional UPDATE, and appends the events to an
 * outbox table last (on PostgreSQL a device's commit, which checks its job and updates one execution, is the same
 * writes as one statement in auto-commit: {@code DeviceCommitStatement}). A conflict with another transaction is
 * {@link dev.iotjobs.spi.StaleStateException}; any other
 * database failure is {@link ServiceUnavailableException} with the cause. Either way nothing was applied.
 *
 * <p>On H2 the repository holds one connection open from {@link #create} to {@link #close}, so that H2 never closes
 * and reopens the database under load, whatever the data source: H2 2.x has lost commits it had acknowledged, and
 * corrupted its file, when it closed and reopened a file database between calls (h2database issues 4123 and 4247).
 * Close the repository after the engine, when the service stops. H2 also writes commits to its file in the
 * background by default, up to half a second later, so a process crash would lose the last acknowledged ones:
 * {@link #create} therefore sets H2's persistent {@code WRITE_DELAY} to 0 (a host that prefers speed over that may
 * set it back afterwards) for commits that are in the file when they return (at several times the cost of a
 * commit). With that setting H2 runs no background writer, which is what keeps its file compact, so on a file this
 * process opened the store does that upkeep itself, once a second on one daemon thread ({@code H2FileMaintenance}:
 * an {@code fsync} and a bounded rewrite of the emptiest chunks). Times are stored to the millisecond, as the engine
 * keeps them.
 */
public final class JdbcJobRepository implements JobRepository, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcJobRepository.class);
    /** Where the store's Flyway migrations are on the classpath. */
    public static final String MIGRATIONS_LOCATION = "classpath:db/iotjobs";
    /** The Flyway history table of the store's migrations. */
    public static final String SCHEMA_HISTORY_TABLE = "iotjobs_schema_history";
    /** How long {@link #create} waits for each connection it checks the data source gives. */
    private static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);
    /** How often the connection held on H2 is checked (and replaced if someone closed it). */
    private static final Duration HELD_CONNECTION_CHECK = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final Failures failures;
    private final JobRows jobs;
    private final ExecutionRows executions;
    private final RegistryRows registry;
    private final RolloutRows rollouts;
    private final EventRows events;
    private final TemplateRows templates;
    private final MembershipRevisionRows revisions = new MembershipRevisionRows();
    private final ChangesetWriter writer;
    private final DeviceReads deviceReads;
    /** A device's commit in one statement; null where the database locks in no sub-select (H2). */
    private final DeviceCommitStatement deviceCommits;
    /** Keeps an H2 database open for the repository's life; null on PostgreSQL and for {@link #open}. */
    private final HeldConnection held;
    /** Keeps an H2 file this process opened compact while the store runs; null otherwise. */
    private final H2FileMaintenance fileMaintenance;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcJobRepository(DataSource dataSource, Dialect dialect, HeldConnection held,
            H2FileMaintenance fileMaintenance) {
        this.held = held;
        this.fileMaintenance = fileMaintenance;
        this.jdbi = Jdbi.create(() -> {
            if (closed.get()) {
                throw new SQLException("the iotjobs store was closed", "08003");
            }
            if (held != null) {
                held.check();
            }
            return dialect.prepare(dataSource.getConnection());
        });
        // SQL is plain text with :named parameters: no <template> expansion, so "<" and "<>" are just SQL.
        jdbi.setTemplateEngine(TemplateEngine.NOP);
        this.failures = new Failures(dialect);
        this.jobs = new JobRows(dialect);
        this.executions = new ExecutionRows(dialect);
        this.registry = new RegistryRows(dialect);
        this.rollouts = new RolloutRows();
        this.events = new EventRows(dialect);
        this.templates = new TemplateRows(dialect);
        this.writer = new ChangesetWriter(dialect, jobs, executions, registry, rollouts, events, templates, revisions);
        this.deviceReads = new DeviceReads(jobs, executions);
        this.deviceCommits = dialect.locksInSubqueries() ? new DeviceCommitStatement(jobs.slots()) : null;
    }

    /**
     * Checks the data source, migrates the schema (if needed) and returns a repository over it. On H2 the repository
     * holds one of the data source's connections until {@link #close}.
     *
     * @param dataSource the database: H2 2.x or PostgreSQL 14+, pooled (HikariCP, for example) for speed; it must
     *     give at least 3 connections at once on H2 (one held open, two for Flyway's migration) and 2 on PostgreSQL
     * @return a ready repository; close it when the service stops, after the engine
     * @throws NullPointerException if {@code dataSource} is null
     * @throws IllegalArgumentException if the database is of another kind or version, is H2's unnamed in-memory
     *     database (each connection would open a new, empty one), or the data source gives too few connections
     * @throws ServiceUnavailableException if the database cannot be reached or migrated
     */
    public static JdbcJobRepository create(DataSource dataSource) {
        return create(dataSource, HELD_CONNECTION_CHECK, H2FileMaintenance.PERIOD);
    }

    /** {@link #create(DataSource)}, checking the held H2 connection every {@code heldCheck} (tests). */
    static JdbcJobRepository create(DataSource dataSource, Duration heldCheck) {
        return create(dataSource, heldCheck, H2FileMaintenance.PERIOD);
    }

    /**
     * {@link #create(DataSource)}, checking the held H2 connection every {@code heldCheck} and maintaining an H2 file
     * every {@code maintenancePeriod}, or not at all if it is null (tests).
     */
    static JdbcJobRepository create(DataSource dataSource, Duration heldCheck, Duration maintenancePeriod) {
        Objects.requireNonNull(dataSource, "dataSource must not be null: give JdbcJobRepository.create a DataSource "
                + "of H2 2.x or PostgreSQL 14 or later, pooled with at least 3 connections");
        Connection first = connect(dataSource);
        try {
            Dialect dialect = Dialect.of(first);
            if (dialect == Dialect.H2) {
                DataSourceCheck.requireNamedDatabase(first.getMetaData().getURL());
                DataSourceCheck.requireConnections(dataSource, 2, CONNECTION_WAIT, "one the store holds open for "
                        + "its life so that H2 never closes the database, two for Flyway's migration");
                migrate(dataSource);
                dialect.makeCommitsDurable(first);
                HeldConnection held = new HeldConnection(dataSource, first, heldCheck);
                return new JdbcJobRepository(dataSource, dialect, held,
                        maintenancePeriod == null ? null : H2FileMaintenance.startIfLocalFile(held, maintenancePeriod));
            }
            DataSourceCheck.requireConnections(dataSource, 1, CONNECTION_WAIT, "Flyway migrates with two");
            first.close(); // PostgreSQL needs no connection held: Flyway gets both
            migrate(dataSource);
            return new JdbcJobRepository(dataSource, dialect, null, null);
        } catch (SQLException e) {
            DataSourceCheck.closeQuietly(first);
            throw unreachable(e);
        } catch (RuntimeException e) {
            DataSourceCheck.closeQuietly(first);
            throw e;
        }
    }

    /** For tests that prepared the schema themselves: no checks, no migration, no connection held. */
    static JdbcJobRepository open(DataSource dataSource) {
        try (Connection connection = connect(dataSource)) {
            return new JdbcJobRepository(dataSource, Dialect.of(connection), null, null);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** @return whether this store maintains an H2 file while it runs ({@link H2FileMaintenance}) */
    boolean maintainsItsFile() {
        return fileMaintenance != null;
    }

    /**
     * Gives back the connection that kept an H2 database open (H2 closes the database when no connection is left);
     * calls after this fail with {@link ServiceUnavailableException}. Idempotent.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (fileMaintenance != null) {
            fileMaintenance.close(); // before the held connection: its rounds must not outlive the database
        }
        if (held != null) {
            held.close();
        }
    }

    private static Connection connect(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    static ServiceUnavailableException unreachable(SQLException e) {
        return new ServiceUnavailableException("cannot reach the iotjobs database: " + e.getMessage(), e);
    }

    private static void migrate(DataSource dataSource) {
        try {
            Schema.migrate(dataSource);
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("cannot migrate the iotjobs schema: " + e.getMessage(), e);
        }
    }


    @Override
    public Optional<JobRecord> findJob(String jobId) {
        return autoCommit(handle -> jobs.find(handle, jobId));
    }

    @Override
    public Optional<ExecutionRecord> findExecution(String jobId, String thingName, Long executionNumber) {
        return autoCommit(handle -> executions.find(handle, jobId, thingName, executionNumber));
    }

    @Override
    public Optional<JobAndExecution> findJobAndExecution(String jobId, String thingName) {
        return autoCommit(handle -> deviceReads.jobAndLatest(handle, jobId, thingName));
    }

    @Override
    public Optional<JobAndExecution> headOfQueue(String thingName) {
        return autoCommit(handle -> deviceReads.head(handle, thingName));
    }

    @Override
    public List<ExecutionRecord> pendingExecutions(String thingName, int limit) {
        return autoCommit(handle -> executions.pending(handle, thingName, limit));
    }

    @Override
    public Page<JobRecord> listJobs(JobFilter filter, JobListKey after, int limit) {
        JobFilter given = filter == null ? JobFilter.ALL : filter;
        return autoCommit(handle -> jobs.list(handle, given, after, limit));
    }

    @Override
    public Page<ExecutionRecord> listExecutionsForJob(String jobId, JobExecutionStatus status, JobExecutionsKey after,
                                                      int limit) {
        return autoCommit(handle -> executions.listForJob(handle, jobId, status, after, limit));
    }

    @Override
    public Page<ExecutionRecord> listExecutionsForThing(String thingName, JobExecutionStatus status, String jobId,
                                                        ThingExecutionsKey after, int limit) {
        return autoCommit(handle -> executions.listForThing(handle, thingName, status, jobId, after, limit));
    }

    @Override
    public List<ExecutionRecord> executionsDueBy(Instant now, int limit) {
        return autoCommit(handle -> executions.dueBy(handle, now, limit));
    }

    @Override
    public List<JobRecord> jobsDueBy(Instant now, int limit) {
        return autoCommit(handle -> jobs.dueBy(handle, now, limit));
    }

    @Override
    public List<RolloutTarget> rolloutTargets(String jobId, int limit) {
        return autoCommit(handle -> rollouts.first(handle, jobId, limit));
    }

    @Override
    public List<RolloutTarget> rolloutTargets(String jobId, Collection<String> thingNames) {
        return autoCommit(handle -> rollouts.find(handle, jobId, thingNames));
    }

    @Override
    public Optional<ThingRecord> findThing(String thingName) {
        return autoCommit(handle -> registry.findThing(handle, thingName));
    }

    @Override
    public List<String> existingThings(Collection<String> thingNames) {
        return autoCommit(handle -> registry.existingThings(handle, thingNames));
    }

    @Override
    public Optional<ThingGroupRecord> findThingGroup(String thingGroupName) {
        return autoCommit(handle -> registry.findGroup(handle, "group_name", thingGroupName));
    }

    @Override
    public Optional<ThingGroupRecord> findThingGroupById(String thingGroupId) {
        return autoCommit(handle -> registry.findGroup(handle, "group_id", thingGroupId));
    }

    @Override
    public List<String> childGroups(String thingGroupName) {
        return autoCommit(handle -> registry.childGroups(handle, thingGroupName));
    }

    @Override
    public Page<String> thingsInGroups(Collection<String> thingGroupNames, String afterThingName, int limit) {
        return autoCommit(handle -> registry.thingsInGroups(handle, thingGroupNames, afterThingName, limit));
    }

    @Override
    public List<String> groupsOfThing(String thingName) {
        return autoCommit(handle -> registry.groupsOfThing(handle, thingName));
    }

    @Override
    public Page<ThingRecord> listThings(ThingFilter filter, String afterThingName, int limit) {
        Objects.requireNonNull(filter, "filter");
        return autoCommit(handle -> registry.listThings(handle, filter, afterThingName, limit));
    }

    @Override
    public Page<ThingGroupRecord> listThingGroups(ThingGroupFilter filter, String afterGroupName, int limit) {
        Objects.requireNonNull(filter, "filter");
        return autoCommit(handle -> registry.listThingGroups(handle, filter, afterGroupName, limit));
    }

    @Override
    public Optional<JobTemplateRecord> findJobTemplate(String jobTemplateId) {
        return autoCommit(handle -> templates.find(handle, jobTemplateId));
    }

    @Override
    public Page<JobTemplateRecord> listJobTemplates(JobTemplateListKey after, int limit) {
        return autoCommit(handle -> templates.list(handle, after, limit));
    }

    @Override
    public List<JobRecord> continuousJobsTargeting(Collection<String> targetArns) {
        return autoCommit(handle -> jobs.continuousTargeting(handle, targetArns));
    }

    @Override
    public Map<String, Long> groupMembershipRevisions(Collection<String> thingGroupNames) {
        return autoCommit(handle -> revisions.revisions(handle, MembershipRevisionRows.GROUP,
                List.copyOf(thingGroupNames)));
    }

    @Override
    public Map<String, Long> groupTargetingRevisions(Collection<String> thingGroupNames) {
        return autoCommit(handle -> revisions.revisions(handle, MembershipRevisionRows.TARGETING,
                List.copyOf(thingGroupNames)));
    }

    @Override
    public long thingMembershipRevision(String thingName) {
        return autoCommit(handle -> revisions.revisions(handle, MembershipRevisionRows.THING, List.of(thingName))
                .get(thingName));
    }

    @Override
    public CommitResult commit(Changeset changes) {
        Objects.requireNonNull(changes, "changes");
        ChangesetWriter.validate(changes);
        if (changes.isEmpty()) {
            return new CommitResult(List.of(), Set.of());
        }
        List<JobCompletion> afterCommit = ChangesetWriter.afterCommit(changes);
        try {
            // One connection for both transactions: the change, then the completions it may have made due.
            return jdbi.withHandle(handle -> {
                CommitResult committed = deviceCommits != null && DeviceCommitStatement.fits(changes)
                        ? deviceCommits.apply(handle, changes)
                        : handle.inTransaction(h -> writer.apply(h, changes));
                return afterCommit.isEmpty() ? committed : withCompletions(handle, committed, afterCommit);
            });
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    /**
     * SPEC J9: the change is committed whatever happens here; a completion that fails (the database went away, a
     * conflict) is left to {@link #drainedJobs}, which the engine's due work reads.
     */
    private CommitResult withCompletions(Handle handle, CommitResult committed, List<JobCompletion> completions) {
        try {
            // Mostly the job is not drained yet: one read says so, with no transaction to open and commit.
            Set<String> drained = Set.copyOf(jobs.drainedAmong(handle,
                    completions.stream().map(JobCompletion::jobId).toList()));
            List<JobCompletion> due = completions.stream().filter(c -> drained.contains(c.jobId())).toList();
            if (due.isEmpty()) {
                return committed;
            }
            CommitResult completed = handle.inTransaction(h -> writer.completeAfterCommit(h, due));
            List<StoredEvent> events = new ArrayList<>(committed.events());
            events.addAll(completed.events());
            return new CommitResult(events, completed.completedJobs());
        } catch (RuntimeException e) {
            LOG.warn("completion of {} after its commit failed; the engine's due work completes it",
                    completions.stream().map(JobCompletion::jobId).toList(), e);
            return committed;
        }
    }

    @Override
    public List<JobRecord> drainedJobs(int limit) {
        return autoCommit(handle -> jobs.drained(handle, limit));
    }

    @Override
    public List<StoredEvent> eventsAfter(long sequence, int limit) {
        return autoCommit(handle -> events.after(handle, sequence, limit));
    }

    @Override
    public void deleteEventsThrough(long sequence) {
        autoCommit(handle -> handle.inTransaction(h -> {
            events.deleteThrough(h, sequence);
            return null;
        }));
    }

    @Override
    public OptionalLong eventsDroppedThrough() {
        return autoCommit(events::droppedThrough);
    }

    @Override
    public boolean acquireEventRelay(String owner, Instant now, Instant until) {
        return autoCommit(handle -> events.acquireRelay(handle, owner, now, until));
    }

    /** One statement in auto-commit: a query sees only whole committed transactions. */
    private <T> T autoCommit(HandleCallback<T, RuntimeException> statement) {
        try {
            return jdbi.withHandle(statement);
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }
}
