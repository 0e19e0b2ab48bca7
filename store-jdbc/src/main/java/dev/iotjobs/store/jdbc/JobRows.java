package dev.iotjobs.store.jdbc;

import static dev.iotjobs.store.jdbc.Columns.constant;
import static dev.iotjobs.store.jdbc.Columns.flag;
import static dev.iotjobs.store.jdbc.Columns.instant;
import static dev.iotjobs.store.jdbc.Columns.millis;
import static dev.iotjobs.store.jdbc.Columns.name;

import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.JobCompletion;
import dev.iotjobs.spi.JobFilter;
import dev.iotjobs.spi.JobListKey;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.StatusCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The job table and its target rows: reads, the compare-and-set writes, counter deltas in place and the
 * conditional completion. The job's rollout state is written with its other members ({@link RolloutColumns}).
 */
final class JobRows {
    private static final String COLUMNS = """
            j.job_id, j.job_arn, j.target_selection, j.status, j.force_canceled, j.reason_code, j.comment, j.targets,
            j.description, j.presigned_url_config, j.rollout_config, j.abort_config, j.created_at, j.last_updated_at,
            j.completed_at, j.timeout_config, j.namespace_id, j.job_template_arn, j.retry_config,
            j.document_parameters, j.is_concurrent, j.scheduling_config, j.document, j.document_source, j.tags,
            j.document_before_substitution,
            j.revision, j.due_at, j.incarnation, """ + CounterSlots.summedColumns("j") + ", " + RolloutColumns.COLUMNS
            + ", " + ExpansionColumns.COLUMNS;

    /** Rows a newer version wrote with a status or target selection this one does not know stay out of its reads. */
    private static final String KNOWN = Columns.known("j.status", JobStatus.class) + " AND "
            + Columns.known("j.target_selection", TargetSelection.class);

    /** What a job read needs when the job's members are cached ({@link JobFactsCache}): the counts move alone. */
    /** What a read of a job cached at its revision selects (table alias {@code j}): see {@link #cachedAt}. */
    static final String FACTS = "j.incarnation, j.revision, " + CounterSlots.summedColumns("j");

    /** Every member but the counts, which only deltas move, as {@code column = :parameter}. */
    private static final String MEMBERS = """
            job_arn = :jobArn, target_selection = :targetSelection, status = :status,
            force_canceled = :forceCanceled, reason_code = :reasonCode, comment = :comment, targets = :targets,
            description = :description, presigned_url_config = :presignedUrlConfig, rollout_config = :rolloutConfig,
            abort_config = :abortConfig, created_at = :createdAt, last_updated_at = :lastUpdatedAt,
            completed_at = :completedAt, timeout_config = :timeoutConfig, namespace_id = :namespaceId,
            job_template_arn = :jobTemplateArn, retry_config = :retryConfig,
            document_parameters = :documentParameters, is_concurrent = :isConcurrent,
            scheduling_config = :schedulingConfig, document = :document, document_source = :documentSource,
            document_before_substitution = :documentBeforeSubstitution,
            tags = :tags, revision = :revision, due_at = :dueAt, """ + RolloutColumns.MEMBERS + ", "
            + ExpansionColumns.MEMBERS;

    private static final String INSERT = """
            INSERT INTO iotjobs_job (job_id, job_arn, target_selection, status, force_canceled, reason_code, comment,
                targets, description, presigned_url_config, rollout_config, abort_config, created_at,
                last_updated_at, completed_at, timeout_config, namespace_id, job_template_arn, retry_config,
                document_parameters, is_concurrent, scheduling_config, document, document_source, tags,
                document_before_substitution,
                n_queued, n_in_progress, n_succeeded, n_failed, n_timed_out, n_rejected, n_removed, n_canceled,
                revision, due_at, incarnation, %s, %s)
            VALUES (:jobId, :jobArn, :targetSelection, :status, :forceCanceled, :reasonCode, :comment,
                :targets, :description, :presignedUrlConfig, :rolloutConfig, :abortConfig, :createdAt,
                :lastUpdatedAt, :completedAt, :timeoutConfig, :namespaceId, :jobTemplateArn, :retryConfig,
                :documentParameters, :isConcurrent, :schedulingConfig, :document, :documentSource, :tags,
                :documentBeforeSubstitution,
                :queued, :inProgress, :succeeded, :failed, :timedOut, :rejected, :removed, :canceled,
                :revision, :dueAt, :incarnation, %s, %s)""".formatted(RolloutColumns.NAMES, ExpansionColumns.NAMES,
            RolloutColumns.PARAMETERS, ExpansionColumns.PARAMETERS);

    private static final String UPDATE = "UPDATE iotjobs_job SET " + MEMBERS
            + " WHERE job_id = :jobId AND revision = :expected";

    /** A no-op compare-and-set: it takes the row's write lock, so the revision holds until the commit. */
    private static final String CHECK = """
            UPDATE iotjobs_job SET revision = revision WHERE job_id = :jobId AND revision = :expected""";

    /** The eight counts plus the bound delta ({@link #bindCounts}), for the job row and its slots alike. */
    static final String ADDED_COUNTS = """
            n_queued = n_queued + :queued, n_in_progress = n_in_progress + :inProgress,
                n_succeeded = n_succeeded + :succeeded, n_failed = n_failed + :failed,
                n_timed_out = n_timed_out + :timedOut, n_rejected = n_rejected + :rejected,
                n_removed = n_removed + :removed, n_canceled = n_canceled + :canceled""";

    private static final String ADD_COUNTS = "UPDATE iotjobs_job SET " + ADDED_COUNTS
            + " WHERE job_id = :jobId AND revision = COALESCE(:expected, revision)";

    /**
     * A snapshot job with nothing pending (its row's counts and its slots') whose rollout holds no thing back and that
     * owes no group expansion (SPEC C4).
     */
    private static String drained(String alias) {
        return alias + ".status = 'IN_PROGRESS' AND " + alias + ".target_selection = 'SNAPSHOT' AND " + alias
                + ".rollout_remaining = 0 AND " + alias + ".expansion_targets IS NULL AND "
                + CounterSlots.sum(alias, "n_queued") + " = 0 AND " + CounterSlots.sum(alias, "n_in_progress") + " = 0";
    }

    /** Fires only on a drained snapshot job (SPEC J8, T7). */
    private static final String COMPLETE = """
            UPDATE iotjobs_job SET status = 'COMPLETED', completed_at = :at, last_updated_at = :at,
                revision = revision + 1
            WHERE job_id = :jobId AND\s""" + drained("iotjobs_job");

    private final Dialect dialect;
    private final CounterSlots slots = new CounterSlots();
    private final JobFactsCache facts = new JobFactsCache();

    JobRows(Dialect dialect) {
        this.dialect = dialect;
    }

    /** @return the job's counter slots, where changes that do not write the job row add their counts */
    CounterSlots slots() {
        return slots;
    }

    /**
     * A job this node read before at the same incarnation and revision costs a read of its counts; any other is read
     * in full, document and JSON columns included, and cached.
     */
    Optional<JobRecord> find(Handle handle, String jobId) {
        if (facts.knows(jobId)) {
            Optional<Optional<JobRecord>> row = handle.createQuery("SELECT " + FACTS
                            + " FROM iotjobs_job j WHERE j.job_id = :jobId")
                    .bind("jobId", jobId)
                    .map((rs, ctx) -> Optional.ofNullable(facts.at(jobId, incarnation(rs), rs.getLong("revision"),
                            counts(rs))))
                    .findOne();
            if (row.isEmpty()) {
                facts.forget(jobId);
                return Optional.empty();
            }
            if (row.get().isPresent()) {
                return row.get();
            }
        }
        Optional<JobRecord> found = handle.createQuery("SELECT " + COLUMNS
                        + " FROM iotjobs_job j WHERE j.job_id = :jobId AND " + KNOWN)
                .bind("jobId", jobId)
                .map((rs, ctx) -> {
                    JobRecord job = read(rs);
                    facts.put(incarnation(rs), job);
                    return job;
                })
                .findOne();
        if (found.isEmpty()) {
            facts.forget(jobId);
        }
        return found;
    }

    /** @return whether this node keeps the job as read (then {@link #FACTS} may be all a read needs) */
    boolean knows(String jobId) {
        return facts.knows(jobId);
    }

    /**
     * @param rs a row with the {@link #FACTS} of the job
     * @return the job as cached, with the row's counts; null if the row is not at the cached incarnation and revision
     */
    JobRecord cachedAt(ResultSet rs, String jobId) throws SQLException {
        return facts.at(jobId, incarnation(rs), rs.getLong("revision"), counts(rs));
    }

    /** Drops the job from the cache (its row is gone). */
    void forget(String jobId) {
        facts.forget(jobId);
    }

    private static Long incarnation(ResultSet rs) throws SQLException {
        long incarnation = rs.getLong("incarnation");
        return rs.wasNull() ? null : incarnation;
    }

    private static StatusCounts counts(ResultSet rs) throws SQLException {
        return new StatusCounts(rs.getInt("n_queued"), rs.getInt("n_in_progress"),
                rs.getInt("n_succeeded"), rs.getInt("n_failed"), rs.getInt("n_timed_out"), rs.getInt("n_rejected"),
                rs.getInt("n_removed"), rs.getInt("n_canceled"));
    }

    /** Walks the target rows when the filter names a target, else the status index or the creation index. */
    Page<JobRecord> list(Handle handle, JobFilter filter, JobListKey after, int limit) {
        Pages.checkLimit(limit);
        boolean byTarget = filter.targetArn() != null;
        String keyTable = byTarget ? "t" : "j";
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
        if (byTarget) {
            sql.append(" FROM iotjobs_job_target t JOIN iotjobs_job j ON j.job_id = t.job_id")
                    .append(" WHERE t.target_arn = :targetArn AND ").append(KNOWN);
        } else {
            sql.append(" FROM iotjobs_job j WHERE ").append(KNOWN);
        }
        if (filter.status() != null) {
            sql.append(" AND j.status = :status");
        }
        if (filter.targetSelection() != null) {
            sql.append(" AND j.target_selection = :targetSelection");
        }
        if (after != null) {
            sql.append(" AND ").append(dialect.after(
                    List.of(keyTable + ".created_at", keyTable + ".job_id"), List.of(":afterCreatedAt", ":afterJobId")));
        }
        // The fixed column of the index leads the ORDER BY, so that H2 too reads it in order instead of sorting.
        String fixed = byTarget ? "t.target_arn, " : filter.status() != null ? "j.status, " : "";
        sql.append(" ORDER BY ").append(fixed).append(keyTable).append(".created_at, ").append(keyTable)
                .append(".job_id")
                .append(" LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("limit", limit + 1);
        if (byTarget) {
            query.bind("targetArn", filter.targetArn());
        }
        if (filter.status() != null) {
            query.bind("status", filter.status().name());
        }
        if (filter.targetSelection() != null) {
            query.bind("targetSelection", filter.targetSelection().name());
        }
        if (after != null) {
            query.bind("afterCreatedAt", millis(after.createdAt())).bind("afterJobId", after.jobId());
        }
        return Pages.of(query.map((rs, ctx) -> read(rs)).list(), limit);
    }

    /**
     * SPEC G2, G3: the live CONTINUOUS jobs targeting any of the ARNs, through the target table's primary key.
     *
     * @param targetArns target ARNs
     * @return the jobs, each once, by createdAt then jobId
     */
    List<JobRecord> continuousTargeting(Handle handle, Collection<String> targetArns) {
        List<String> arns = List.copyOf(new java.util.TreeSet<>(targetArns));
        if (arns.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + COLUMNS + " FROM iotjobs_job j WHERE j.job_id IN (SELECT t.job_id FROM"
                + " iotjobs_job_target t WHERE t.target_arn = " + Statements.any("arn") + ")"
                + " AND j.target_selection = 'CONTINUOUS'"
                + " AND j.status IN ('IN_PROGRESS', 'SCHEDULED')";
        // The few live continuous jobs of one group's ancestry: sorted here rather than by the database.
        List<JobRecord> found = new ArrayList<>(Statements.bindAny(handle.createQuery(sql), "arn", arns)
                .map((rs, ctx) -> read(rs)).list());
        found.sort(java.util.Comparator.comparing((JobRecord job) -> job.job().createdAt())
                .thenComparing(JobRecord::jobId));
        return found;
    }

    List<JobRecord> dueBy(Handle handle, Instant now, int limit) {
        Pages.checkLimit(limit);
        return Statements.bindUpTo(handle.createQuery("SELECT " + COLUMNS
                        + " FROM iotjobs_job j WHERE " + Statements.upTo("j.due_at") + " AND " + KNOWN
                        + " ORDER BY j.due_at, j.job_id LIMIT :limit"), millis(now))
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list();
    }

    void insert(Handle handle, List<JobRecord> jobs) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (JobRecord job : jobs) {
            bindCounts(bindMembers(batch, job), job.counts()).bind("incarnation", JobFactsCache.newIncarnation())
                    .add();
        }
        batch.execute();
        slots.create(handle, jobs.stream().map(JobRecord::jobId).toList());
        insertTargets(handle, jobs);
    }

    /** @return the jobs whose stored revision was not the one before theirs */
    List<String> update(Handle handle, List<JobRecord> jobs) {
        PreparedBatch batch = handle.prepareBatch(UPDATE);
        for (JobRecord job : jobs) {
            bindMembers(batch, job).bind("expected", job.revision() - 1).add();
        }
        List<String> stale = Statements.missed(batch.execute(), jobs.stream().map(JobRecord::jobId).toList());
        if (stale.isEmpty()) {
            // The targets may have changed with the job (more targets for a continuous job): write them again.
            Map<String, JobRecord> latest = new LinkedHashMap<>();
            jobs.forEach(job -> latest.put(job.jobId(), job));
            List<String> jobIds = List.copyOf(latest.keySet());
            for (List<String> chunk : Statements.chunks(jobIds)) {
                Statements.bindAny(handle.createUpdate("DELETE FROM iotjobs_job_target WHERE job_id = "
                                + Statements.any("jobId")),
                        "jobId", chunk).execute();
            }
            insertTargets(handle, List.copyOf(latest.values()));
        }
        return stale;
    }

    /**
     * The job checks of a change that does not write the job: a shared lock on PostgreSQL (devices of one job do not
     * wait for each other, a cancel or delete of the job waits for them), so the revision holds until the commit.
     *
     * @return the jobs that were missing or not at the expected revision
     */
    List<String> checkShared(Handle handle, List<Versioned<String>> checks) {
        return checkRevisions(handle, checks, dialect.lockShared());
    }

    /**
     * The job checks of a device's change on a database whose slots guard the job rows ({@link SlotGuard}): read
     * without a lock, after the change locked a slot of each job, which keeps the rows' writers away until the commit.
     *
     * @return the jobs that were missing or not at the expected revision
     */
    List<String> checkCommitted(Handle handle, List<Versioned<String>> checks) {
        return checkRevisions(handle, checks, "");
    }

    private List<String> checkRevisions(Handle handle, List<Versioned<String>> checks, String lock) {
        Map<String, Long> expected = new java.util.TreeMap<>();
        checks.forEach(check -> expected.put(check.key(), check.expected()));
        Map<String, Long> stored = new HashMap<>();
        for (List<String> chunk : Statements.chunks(List.copyOf(expected.keySet()))) {
            Statements.bindAny(handle.createQuery("SELECT job_id, revision FROM iotjobs_job WHERE job_id = "
                            + Statements.any("jobId") + " " + lock), "jobId", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(row -> stored.put(row.getKey(), row.getValue()));
        }
        List<String> stale = new ArrayList<>();
        for (Versioned<String> check : checks) {
            if (!Long.valueOf(check.expected()).equals(stored.get(check.key()))) {
                stale.add(check.key());
            }
        }
        return stale;
    }

    /**
     * SPEC J9: the snapshot jobs left drained but not completed, when a process stopped between a commit that drained a
     * job and the completion that follows it.
     *
     * @param limit at most this many
     * @return such jobs, oldest first
     */
    List<JobRecord> drained(Handle handle, int limit) {
        Pages.checkLimit(limit);
        // In the order of the status index: the live jobs, not every job.
        return handle.createQuery("SELECT " + COLUMNS + " FROM iotjobs_job j WHERE " + drained("j")
                        + " ORDER BY j.status, j.created_at, j.job_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list();
    }

    /**
     * @param jobIds jobs a commit may just have drained
     * @return those that are drained now (SPEC J8): the completion's condition, read without a lock
     */
    List<String> drainedAmong(Handle handle, List<String> jobIds) {
        List<String> found = new ArrayList<>();
        for (List<String> chunk : Statements.chunks(List.copyOf(new java.util.TreeSet<>(jobIds)))) {
            found.addAll(Statements.bindAny(handle.createQuery("SELECT j.job_id FROM iotjobs_job j"
                            + " WHERE j.job_id = " + Statements.any("jobId") + " AND " + drained("j")), "jobId", chunk)
                    .mapTo(String.class).list());
        }
        return found;
    }

    /** @return the jobs that were not at the expected revision */
    List<String> check(Handle handle, List<Versioned<String>> checks) {
        PreparedBatch batch = handle.prepareBatch(CHECK);
        for (Versioned<String> check : checks) {
            batch.bind("jobId", check.key()).bind("expected", check.expected()).add();
        }
        return Statements.missed(batch.execute(), checks.stream().map(Versioned::key).toList());
    }

    /**
     * Adds the deltas in place, so that concurrent writers of one job never conflict over its counts. Jobs go in id
     * order, so that two transactions over the same jobs lock them in the same order.
     *
     * @param deltas per job, what to add
     * @param expectedRevisions per job, the revision it must still have (a job check folded into the delta), if
     *     any
     * @return the jobs that were missing or not at the expected revision
     */
    List<String> addCounts(Handle handle, Map<String, StatusCounts> deltas, Map<String, Long> expectedRevisions) {
        List<String> jobIds = deltas.keySet().stream().sorted().toList();
        PreparedBatch batch = handle.prepareBatch(ADD_COUNTS);
        for (String jobId : jobIds) {
            bindCounts(batch, deltas.get(jobId)).bind("jobId", jobId)
                    .bind("expected", expectedRevisions.get(jobId)).add();
        }
        return Statements.missed(batch.execute(), jobIds);
    }

    /** @return the jobs that were missing or not at the expected revision */
    List<String> delete(Handle handle, List<Versioned<String>> deletes) {
        PreparedBatch batch = handle.prepareBatch("DELETE FROM iotjobs_job WHERE job_id = :jobId AND revision = :expected");
        for (Versioned<String> delete : deletes) {
            batch.bind("jobId", delete.key()).bind("expected", delete.expected()).add();
        }
        return Statements.missed(batch.execute(), deletes.stream().map(Versioned::key).toList());
    }

    /**
     * SPEC J8/J9: one conditional UPDATE per completion; its row count says whether it fired, so a job completes
     * once however many transactions try.
     *
     * @return for each completion in order, whether it fired
     */
    boolean[] complete(Handle handle, List<JobCompletion> completions) {
        PreparedBatch batch = handle.prepareBatch(COMPLETE);
        for (JobCompletion completion : completions) {
            batch.bind("jobId", completion.jobId()).bind("at", millis(completion.at())).add();
        }
        int[] counts = batch.execute();
        boolean[] fired = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            fired[i] = counts[i] > 0;
        }
        return fired;
    }

    /**
     * Locks jobs against writers until the commit.
     *
     * @param jobIds jobs
     * @return those that exist
     */
    List<String> lock(Handle handle, Collection<String> jobIds) {
        List<String> found = new ArrayList<>();
        for (List<String> chunk : Statements.chunks(List.copyOf(jobIds))) {
            found.addAll(Statements.bindAny(handle.createQuery("SELECT job_id FROM iotjobs_job"
                            + " WHERE job_id = " + Statements.any("jobId") + " " + dialect.lockExclusive()),
                    "jobId", chunk).mapTo(String.class).list());
        }
        return found;
    }

    private static void insertTargets(Handle handle, List<JobRecord> jobs) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO iotjobs_job_target (target_arn, created_at, job_id) VALUES (:targetArn, :createdAt, :jobId)""");
        for (JobRecord job : jobs) {
            for (String target : new LinkedHashSet<>(job.job().targets())) {
                if (target == null) {
                    continue; // not a target anyone can filter by
                }
                batch.bind("targetArn", target).bind("createdAt", millis(job.job().createdAt()))
                        .bind("jobId", job.jobId()).add();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static <S extends SqlStatement<S>> S bindMembers(S statement, JobRecord record) {
        Job job = record.job();
        RolloutColumns.bind(statement, record.rollout());
        ExpansionColumns.bind(statement, record.expansion());
        return statement
                .bind("jobId", job.jobId())
                .bind("jobArn", job.jobArn())
                .bind("targetSelection", name(job.targetSelection()))
                .bind("status", name(job.status()))
                .bind("forceCanceled", job.forceCanceled())
                .bind("reasonCode", job.reasonCode())
                .bind("comment", job.comment())
                .bind("targets", Json.write(job.targets()))
                .bind("description", job.description())
                .bind("presignedUrlConfig", Json.write(job.presignedUrlConfig()))
                .bind("rolloutConfig", Json.write(job.jobExecutionsRolloutConfig()))
                .bind("abortConfig", Json.write(job.abortConfig()))
                .bind("createdAt", millis(job.createdAt()))
                .bind("lastUpdatedAt", millis(job.lastUpdatedAt()))
                .bind("completedAt", millis(job.completedAt()))
                .bind("timeoutConfig", Json.write(job.timeoutConfig()))
                .bind("namespaceId", job.namespaceId())
                .bind("jobTemplateArn", job.jobTemplateArn())
                .bind("retryConfig", Json.write(job.jobExecutionsRetryConfig()))
                .bind("documentParameters", Json.write(job.documentParameters()))
                .bind("isConcurrent", job.isConcurrent())
                .bind("schedulingConfig", Json.write(job.schedulingConfig()))
                .bind("document", record.document())
                .bind("documentSource", record.documentSource())
                .bind("documentBeforeSubstitution", record.documentBeforeSubstitution())
                .bind("tags", Json.write(record.tags()))
                .bind("revision", record.revision())
                .bind("dueAt", millis(record.dueAt()));
    }

    /** Binds the eight counts to {@code :queued, :inProgress, ... :canceled}. */
    static <S extends SqlStatement<S>> S bindCounts(S statement, StatusCounts counts) {
        return statement
                .bind("queued", counts.queued())
                .bind("inProgress", counts.inProgress())
                .bind("succeeded", counts.succeeded())
                .bind("failed", counts.failed())
                .bind("timedOut", counts.timedOut())
                .bind("rejected", counts.rejected())
                .bind("removed", counts.removed())
                .bind("canceled", counts.canceled());
    }

    /** The stored job, without {@code jobProcessDetails}: the engine derives it from the counts. */
    private static JobRecord read(ResultSet rs) throws SQLException {
        Job job = Job.builder()
                .jobId(rs.getString("job_id"))
                .jobArn(rs.getString("job_arn"))
                .targetSelection(constant(rs, "target_selection", TargetSelection.class))
                .status(constant(rs, "status", JobStatus.class))
                .forceCanceled(rs.getBoolean("force_canceled"))
                .reasonCode(rs.getString("reason_code"))
                .comment(rs.getString("comment"))
                .targets(Json.strings(rs.getString("targets")))
                .description(rs.getString("description"))
                .presignedUrlConfig(Json.read(rs.getString("presigned_url_config"), PresignedUrlConfig.class))
                .jobExecutionsRolloutConfig(Json.read(rs.getString("rollout_config"), JobExecutionsRolloutConfig.class))
                .abortConfig(Json.read(rs.getString("abort_config"), AbortConfig.class))
                .createdAt(instant(rs, "created_at"))
                .lastUpdatedAt(instant(rs, "last_updated_at"))
                .completedAt(instant(rs, "completed_at"))
                .timeoutConfig(Json.read(rs.getString("timeout_config"), TimeoutConfig.class))
                .namespaceId(rs.getString("namespace_id"))
                .jobTemplateArn(rs.getString("job_template_arn"))
                .jobExecutionsRetryConfig(Json.read(rs.getString("retry_config"), JobExecutionsRetryConfig.class))
                .documentParameters(Json.stringMap(rs.getString("document_parameters")))
                .isConcurrent(flag(rs, "is_concurrent"))
                .schedulingConfig(Json.read(rs.getString("scheduling_config"), SchedulingConfig.class))
                .build();
        return new JobRecord(job, rs.getString("document"), rs.getString("document_source"),
                Json.tags(rs.getString("tags")), counts(rs), rs.getLong("revision"), instant(rs, "due_at"),
                RolloutColumns.read(rs), rs.getString("document_before_substitution"),
                ExpansionColumns.read(rs));
    }
}
