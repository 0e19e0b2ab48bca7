package dev.iotjobs.store.jdbc;

import static dev.iotjobs.store.jdbc.Columns.constant;
import static dev.iotjobs.store.jdbc.Columns.instant;
import static dev.iotjobs.store.jdbc.Columns.millis;
import static dev.iotjobs.store.jdbc.Columns.name;

import dev.iotjobs.api.event.JobCreated;
import dev.iotjobs.api.event.JobDeleted;
import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.event.JobExecutionCreated;
import dev.iotjobs.api.event.JobExecutionDeleted;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.spi.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox: one row per event, its members in columns, numbered by an identity column in insertion order; and
 * the relay lease.
 */
final class EventRows {
    /** The outbox's columns an event fills, in the order of {@link #values}. */
    static final String COLUMNS = "event_type, job_id, occurred_at, thing_name, execution_number, from_status,"
            + " status, version_number, job_arn, target_selection, force_canceled, reason_code, payload";

    private static final List<String> MEMBERS = List.of("type", "jobId", "occurredAt", "thingName",
            "executionNumber", "fromStatus", "status", "versionNumber", "jobArn", "targetSelection", "forceCanceled",
            "reasonCode", "payload");

    private static final String INSERT = "INSERT INTO iotjobs_event (" + COLUMNS + ") VALUES (" + values("") + ")";

    /**
     * Free, expired or already the owner's: the memory store's rule, as one conditional UPDATE, but timed by the
     * database's clock ({@code %1$s}): nodes sharing the database may have clocks minutes apart, and a lease
     * compared with each caller's own {@code now} would let two of them hold it at once.
     */
    private static final String ACQUIRE_RELAY = """
            UPDATE iotjobs_event_relay SET holder = :owner, lease_until = %1$s + :leaseMillis
            WHERE id = 1 AND (holder IS NULL OR holder = :owner OR lease_until <= %1$s)""";

    /** The highest stored number: one entry of the key's index. */
    private static final String HIGHEST =
            "SELECT sequence_number FROM iotjobs_event ORDER BY sequence_number DESC LIMIT 1";

    /** Raises the relay's position to what a clean-up drops through. */
    private static final String RAISE_POSITION = """
            UPDATE iotjobs_event_relay SET dropped_through = GREATEST(COALESCE(dropped_through, 0), :through)
            WHERE id = 1""";

    /** Gives the lease up, so that a node that can read what this one cannot takes over. */
    private static final String RELEASE_RELAY = "UPDATE iotjobs_event_relay SET holder = NULL, lease_until = NULL"
            + " WHERE id = 1 AND holder = :owner";

    /**
     * The rows this version can read: a known type with known enum names. A newer node sharing the database (a
     * rolling upgrade) may store a type or a status this one does not know; such a row is never deleted here.
     */
    private static final String READABLE = "(event_type IN ('JobDeleted', 'PendingJobExecutionsChanged',"
            + " 'NextJobExecutionChanged')"
            + " OR (event_type IN ('JobCreated', 'JobStatusChanged') AND status IN (" + names(JobStatus.class) + ")"
            + " AND (from_status IS NULL OR from_status IN (" + names(JobStatus.class) + "))"
            + " AND (target_selection IS NULL OR target_selection IN (" + names(TargetSelection.class) + ")))"
            + " OR (event_type IN ('JobExecutionCreated', 'JobExecutionStatusChanged', 'JobExecutionDeleted')"
            + " AND status IN (" + names(JobExecutionStatus.class) + ")"
            + " AND (from_status IS NULL OR from_status IN (" + names(JobExecutionStatus.class) + "))))";

    private static final Logger LOG = LoggerFactory.getLogger(EventRows.class);

    private final String acquireRelay;
    /** The owner this repository last took the lease for: the one to give up on an unreadable event. */
    private volatile String relayOwner;
    private final AtomicBoolean warned = new AtomicBoolean();

    EventRows(Dialect dialect) {
        this.acquireRelay = ACQUIRE_RELAY.formatted(dialect.epochMillisNow());
    }

    /**
     * Appends the events in list order; the identity column numbers them in that order.
     *
     * @return the stored events with their sequence numbers
     */
    List<StoredEvent> append(Handle handle, List<EngineEvent> events) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (List<EngineEvent> chunk : Statements.chunks(events)) {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            chunk.forEach(event -> bind(batch, event).add());
            List<Long> sequences = batch.executePreparedBatch("sequence_number").mapTo(Long.class).list();
            for (int i = 0; i < chunk.size(); i++) {
                stored.add(new StoredEvent(sequences.get(i), chunk.get(i)));
            }
        }
        return stored;
    }

    /**
     * The stored events after {@code sequence}, up to (not including) the first one this version cannot read.
     *
     * <p>Rolling upgrades: an event a newer node stored with a type or an enum name this version does not know is
     * neither delivered, nor skipped (that would break commit order), nor deleted ({@link #deleteThrough} keeps it).
     * The relay stops before it and this repository gives up its relay lease, so that a newer node takes the lease
     * and delivers it; a warning says so, once per repository. Without a newer node, the outbox waits for one.
     */
    List<StoredEvent> after(Handle handle, long sequence, int limit) {
        Pages.checkLimit(limit);
        List<StoredEvent> rows = handle.createQuery("""
                        SELECT sequence_number, event_type, job_id, occurred_at, thing_name, execution_number,
                            from_status, status, version_number, job_arn, target_selection, force_canceled, reason_code,
                            payload
                        FROM iotjobs_event WHERE sequence_number > :after ORDER BY sequence_number LIMIT :limit""")
                .bind("after", sequence)
                .bind("limit", limit)
                .map((rs, ctx) -> readable(rs))
                .list();
        int unreadable = rows.indexOf(null);
        if (unreadable < 0) {
            return rows;
        }
        String owner = relayOwner;
        if (owner != null) {
            handle.createUpdate(RELEASE_RELAY).bind("owner", owner).execute();
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warn("the event outbox holds an event this version of the engine cannot read (stored by a newer"
                    + " version sharing the database?); this node stops relaying before it, keeps it and gives up"
                    + " the relay lease so that a newer node delivers it");
        }
        return List.copyOf(rows.subList(0, unreadable));
    }

    /** @return the stored event, or null when this version cannot read it */
    private static StoredEvent readable(ResultSet rs) throws SQLException {
        try {
            return new StoredEvent(rs.getLong("sequence_number"), read(rs));
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            return null; // an unknown type or enum name (Enum.valueOf), or a payload this version cannot parse
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> "'" + c.name() + "'")
                .collect(Collectors.joining(", "));
    }

    /**
     * Drops through {@code sequence}, or through the highest stored number if lower (the relay's no-subscriber
     * clean-up passes Long.MAX_VALUE), and raises the relay's position to the same number. Call in a transaction: the
     * position moves with the rows.
     */
    void deleteThrough(Handle handle, long sequence) {
        long through = Math.min(sequence, handle.createQuery(HIGHEST).mapTo(Long.class).findOne().orElse(0L));
        if (through <= 0) {
            return;
        }
        handle.createUpdate(RAISE_POSITION).bind("through", through).execute();
        // Never through an event this version cannot read: a newer node delivers and deletes it (see after()).
        handle.createUpdate("DELETE FROM iotjobs_event WHERE sequence_number <= :through AND " + READABLE)
                .bind("through", through)
                .execute();
    }

    /** @return the relay's position ({@code JobRepository#eventsDroppedThrough}), empty while unknown */
    OptionalLong droppedThrough(Handle handle) {
        Long position = handle.createQuery("SELECT dropped_through FROM iotjobs_event_relay WHERE id = 1")
                .mapTo(Long.class).findOne().orElse(null);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /**
     * Only the lease's length comes from the caller ({@code until - now}); when it starts and whether the current
     * one has ended is the database's to say. The caller's view ({@code until} on its own clock, read before this
     * call) then never outlasts the lease the database granted.
     */
    boolean acquireRelay(Handle handle, String owner, Instant now, Instant until) {
        boolean held = handle.createUpdate(acquireRelay)
                .bind("owner", owner)
                .bind("leaseMillis", Math.max(0, Duration.between(now, until).toMillis()))
                .execute() == 1;
        if (held) {
            relayOwner = owner;
        }
        return held;
    }

    /**
     * @param suffix what the statement's parameter names end with ({@code :type}, {@code :jobId}, ... then)
     * @return the parameters of {@link #COLUMNS}, in their order
     */
    static String values(String suffix) {
        return MEMBERS.stream().map(member -> ":" + member + suffix).collect(Collectors.joining(", "));
    }

    private static PreparedBatch bind(PreparedBatch batch, EngineEvent event) {
        return bind(batch, event, "");
    }

    /** Binds the event's columns to the parameters of {@link #values values(suffix)}. */
    static <S extends SqlStatement<S>> S bind(S statement, EngineEvent event, String suffix) {
        statement.bind("type" + suffix, event.getClass().getSimpleName())
                .bind("jobId" + suffix, event instanceof JobEvent e ? e.jobId() : null)
                .bind("occurredAt" + suffix, millis(event.occurredAt()))
                .bind("payload" + suffix, (String) null)
                .bind("thingName" + suffix, (String) null)
                .bind("executionNumber" + suffix, (Long) null)
                .bind("fromStatus" + suffix, (String) null)
                .bind("status" + suffix, (String) null)
                .bind("versionNumber" + suffix, (Long) null)
                .bind("jobArn" + suffix, (String) null)
                .bind("targetSelection" + suffix, (String) null)
                .bind("forceCanceled" + suffix, (Boolean) null)
                .bind("reasonCode" + suffix, (String) null);
        if (event instanceof JobCreated e) {
            statement.bind("jobArn" + suffix, e.jobArn())
                    .bind("targetSelection" + suffix, name(e.targetSelection()))
                    .bind("status" + suffix, name(e.status()));
        } else if (event instanceof JobStatusChanged e) {
            statement.bind("fromStatus" + suffix, name(e.from()))
                    .bind("status" + suffix, name(e.to()))
                    .bind("forceCanceled" + suffix, e.forceCanceled())
                    .bind("reasonCode" + suffix, e.reasonCode());
        } else if (event instanceof JobExecutionCreated e) {
            bindExecution(statement, suffix, e.thingName(), e.executionNumber(), e.versionNumber())
                    .bind("status" + suffix, name(e.status()));
        } else if (event instanceof JobExecutionStatusChanged e) {
            bindExecution(statement, suffix, e.thingName(), e.executionNumber(), e.versionNumber())
                    .bind("fromStatus" + suffix, name(e.from()))
                    .bind("status" + suffix, name(e.to()));
        } else if (event instanceof JobExecutionDeleted e) {
            bindExecution(statement, suffix, e.thingName(), e.executionNumber(), e.versionNumber())
                    .bind("status" + suffix, name(e.status()));
        } else if (event instanceof PendingJobExecutionsChanged e) {
            statement.bind("thingName" + suffix, e.thingName()).bind("payload" + suffix, ThingEventPayloads.write(e));
        } else if (event instanceof NextJobExecutionChanged e) {
            statement.bind("thingName" + suffix, e.thingName()).bind("payload" + suffix, ThingEventPayloads.write(e));
        } else if (!(event instanceof JobDeleted)) {
            // A new event type needs its columns here and its reading in read(), or the relay could not read it.
            throw new IllegalArgumentException("the JDBC store cannot store " + event.getClass().getName());
        }
        return statement;
    }

    private static <S extends SqlStatement<S>> S bindExecution(S statement, String suffix, String thingName,
                                                               long executionNumber, long versionNumber) {
        return statement.bind("thingName" + suffix, thingName)
                .bind("executionNumber" + suffix, executionNumber)
                .bind("versionNumber" + suffix, versionNumber);
    }

    private static EngineEvent read(ResultSet rs) throws SQLException {
        String jobId = rs.getString("job_id");
        Instant at = instant(rs, "occurred_at");
        String type = rs.getString("event_type");
        return switch (type) {
            case "JobCreated" -> new JobCreated(jobId, at, rs.getString("job_arn"),
                    constant(rs, "target_selection", TargetSelection.class), constant(rs, "status", JobStatus.class));
            case "JobStatusChanged" -> new JobStatusChanged(jobId, at, constant(rs, "from_status", JobStatus.class),
                    constant(rs, "status", JobStatus.class), rs.getBoolean("force_canceled"),
                    rs.getString("reason_code"));
            case "JobDeleted" -> new JobDeleted(jobId, at);
            case "JobExecutionCreated" -> new JobExecutionCreated(jobId, rs.getString("thing_name"),
                    rs.getLong("execution_number"), at, constant(rs, "status", JobExecutionStatus.class),
                    rs.getLong("version_number"));
            case "JobExecutionStatusChanged" -> new JobExecutionStatusChanged(jobId, rs.getString("thing_name"),
                    rs.getLong("execution_number"), at, constant(rs, "from_status", JobExecutionStatus.class),
                    constant(rs, "status", JobExecutionStatus.class), rs.getLong("version_number"));
            case "JobExecutionDeleted" -> new JobExecutionDeleted(jobId, rs.getString("thing_name"),
                    rs.getLong("execution_number"), at, constant(rs, "status", JobExecutionStatus.class),
                    rs.getLong("version_number"));
            case "PendingJobExecutionsChanged" -> ThingEventPayloads.pending(rs.getString("thing_name"), at,
                    rs.getString("payload"));
            case "NextJobExecutionChanged" -> ThingEventPayloads.next(rs.getString("thing_name"), at,
                    rs.getString("payload"));
            default -> throw new IllegalStateException("unknown stored event type " + type); // see after()
        };
    }
}
