package dev.iotjobs.store.jdbc;

import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.CommitResult;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobFilter;
import dev.iotjobs.spi.JobListKey;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.JobRepository;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.RolloutTarget;
import dev.iotjobs.spi.StoredEvent;
import dev.iotjobs.spi.ThingExecutionsKey;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * A {@link JobRepository} in a relational database through JDBC: H2 2.x (a file, or memory) as the embedded
 * default, PostgreSQL 14 or later for several engine nodes sharing one database.
 *
 * <pre>{@code
 * JobRepository store = JdbcJobRepository.create(dataSource);   // migrates the schema, detects the database
 * JobsEngine engine = JobsEngine.builder().repository(store).build();
 * }</pre>
 *
 * <p>{@link #create} applies the store's Flyway migrations ({@value #MIGRATIONS_LOCATION}, history table
 * {@value #SCHEMA_HISTORY_TABLE}); a host that runs Flyway itself can run the same location with that table
 * beforehand. Every table is prefixed {@code iotjobs_}.
 *
 * <p>Each query is one statement on an index, paginated by keyset; each {@link #commit} is one READ COMMITTED
 * transaction that applies the changeset in its documented order with compare-and-set statements (versions,
 * revisions), adds counter deltas in place, completes jobs with one conditional UPDATE, and appends the events to an
 * outbox table last. A conflict with another transaction is {@link dev.iotjobs.spi.StaleStateException}; any other
 * database failure is {@link ServiceUnavailableException} with the cause. Either way nothing was applied.
 *
 * <p>On H2, give a pooled data source (or add {@code ;DB_CLOSE_DELAY=-1}): without one, H2 closes and reopens the
 * database between calls. H2 writes commits to its file in the background by default, up to half a second later, so
 * a process crash would lose the last acknowledged ones: {@link #create} therefore sets H2's persistent
 * {@code WRITE_DELAY} to 0 (a host that prefers speed over that may set it back afterwards) for commits
 * that are in the file when they return (at several times the cost of a commit). Times are stored to the
 * millisecond, as the engine keeps them.
 */
public final class JdbcJobRepository implements JobRepository {
    /** Where the store's Flyway migrations are on the classpath. */
    public static final String MIGRATIONS_LOCATION = "classpath:db/iotjobs";
    /** The Flyway history table of the store's migrations. */
    public static final String SCHEMA_HISTORY_TABLE = "iotjobs_schema_history";

    private final Jdbi jdbi;
    private final Failures failures;
    private final JobRows jobs;
    private final ExecutionRows executions;
    private final RegistryRows registry;
    private final RolloutRows rollouts;
    private final EventRows events;
    private final ChangesetWriter writer;

    private JdbcJobRepository(DataSource dataSource, Dialect dialect) {
        this.jdbi = Jdbi.create(() -> dialect.prepare(dataSource.getConnection()));
        // SQL is plain text with :named parameters: no <template> expansion, so "<" and "<>" are just SQL.
        jdbi.setTemplateEngine(TemplateEngine.NOP);
        this.failures = new Failures(dialect);
        this.jobs = new JobRows(dialect);
        this.executions = new ExecutionRows(dialect);
        this.registry = new RegistryRows(dialect);
        this.rollouts = new RolloutRows();
        this.events = new EventRows();
        this.writer = new ChangesetWriter(jobs, executions, registry, rollouts, events);
    }

    /**
     * Migrates the schema (if needed) and returns a repository over it.
     *
     * @param dataSource the database: H2 2.x or PostgreSQL 14+; pooled for anything but a quick test
     * @return a ready repository
     * @throws IllegalArgumentException if the database is of another kind or version
     * @throws ServiceUnavailableException if the database cannot be reached or migrated
     */
    public static JdbcJobRepository create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Dialect dialect = detect(dataSource);
        try {
            Schema.migrate(dataSource);
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("cannot migrate the iotjobs schema: " + e.getMessage(), e);
        }
        dialect.makeCommitsDurable(dataSource);
        return new JdbcJobRepository(dataSource, dialect);
    }

    /** For tests that prepared the schema themselves: no migration. */
    static JdbcJobRepository open(DataSource dataSource) {
        return new JdbcJobRepository(dataSource, detect(dataSource));
    }

    private static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection);
        } catch (SQLException e) {
            throw new ServiceUnavailableException("cannot reach the iotjobs database: " + e.getMessage(), e);
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
    public CommitResult commit(Changeset changes) {
        Objects.requireNonNull(changes, "changes");
        ChangesetWriter.validate(changes);
        if (changes.isEmpty()) {
            return new CommitResult(List.of(), Set.of());
        }
        try {
            return jdbi.inTransaction(handle -> writer.apply(handle, changes));
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    @Override
    public List<StoredEvent> eventsAfter(long sequence, int limit) {
        return autoCommit(handle -> events.after(handle, sequence, limit));
    }

    @Override
    public void deleteEventsThrough(long sequence) {
        autoCommit(handle -> {
            events.deleteThrough(handle, sequence);
            return null;
        });
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
