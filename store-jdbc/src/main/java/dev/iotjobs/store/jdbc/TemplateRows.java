package dev.iotjobs.store.jdbc;

import static dev.iotjobs.store.jdbc.Columns.instant;
import static dev.iotjobs.store.jdbc.Columns.millis;

import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.spi.JobTemplateListKey;
import dev.iotjobs.spi.JobTemplateRecord;
import dev.iotjobs.spi.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The custom job templates (SPEC J14): reads by id and in creation order, inserts (a duplicate id fails on the
 * primary key, which the store reports as stale) and deletes that expect the row.
 */
final class TemplateRows {
    private static final String COLUMNS = """
            job_template_id, job_template_arn, description, document, document_source, presigned_url_config,
            rollout_config, abort_config, timeout_config, retry_config, tags, created_at""";

    private final Dialect dialect;

    TemplateRows(Dialect dialect) {
        this.dialect = dialect;
    }

    Optional<JobTemplateRecord> find(Handle handle, String jobTemplateId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM iotjobs_job_template WHERE job_template_id = :id")
                .bind("id", jobTemplateId)
                .map((rs, ctx) -> read(rs))
                .findOne();
    }

    /** Walks the (created_at, job_template_id) index from the cursor on. */
    Page<JobTemplateRecord> list(Handle handle, JobTemplateListKey after, int limit) {
        Pages.checkLimit(limit);
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM iotjobs_job_template");
        if (after != null) {
            sql.append(" WHERE ").append(dialect.after(List.of("created_at", "job_template_id"),
                    List.of(":afterCreatedAt", ":afterId")));
        }
        sql.append(" ORDER BY created_at, job_template_id LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("limit", limit + 1);
        if (after != null) {
            query.bind("afterCreatedAt", millis(after.createdAt())).bind("afterId", after.jobTemplateId());
        }
        return Pages.of(query.map((rs, ctx) -> read(rs)).list(), limit);
    }

    void insert(Handle handle, List<JobTemplateRecord> templates) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO iotjobs_job_template (job_template_id, job_template_arn, description, document,
                    document_source, presigned_url_config, rollout_config, abort_config, timeout_config, retry_config,
                    tags, created_at)
                VALUES (:id, :arn, :description, :document, :documentSource, :presignedUrlConfig, :rolloutConfig,
                    :abortConfig, :timeoutConfig, :retryConfig, :tags, :createdAt)""");
        for (JobTemplateRecord t : templates) {
            batch.bind("id", t.jobTemplateId())
                    .bind("arn", t.jobTemplateArn())
                    .bind("description", t.description())
                    .bind("document", t.document())
                    .bind("documentSource", t.documentSource())
                    .bind("presignedUrlConfig", Json.write(t.presignedUrlConfig()))
                    .bind("rolloutConfig", Json.write(t.jobExecutionsRolloutConfig()))
                    .bind("abortConfig", Json.write(t.abortConfig()))
                    .bind("timeoutConfig", Json.write(t.timeoutConfig()))
                    .bind("retryConfig", Json.write(t.jobExecutionsRetryConfig()))
                    .bind("tags", Json.write(t.tags()))
                    .bind("createdAt", millis(t.createdAt()))
                    .add();
        }
        batch.execute();
    }

    /** @return the templates that were not there to delete */
    List<String> delete(Handle handle, List<String> jobTemplateIds) {
        PreparedBatch batch = handle.prepareBatch("DELETE FROM iotjobs_job_template WHERE job_template_id = :id");
        jobTemplateIds.forEach(id -> batch.bind("id", id).add());
        return Statements.missed(batch.execute(), jobTemplateIds);
    }

    private static JobTemplateRecord read(ResultSet rs) throws SQLException {
        return new JobTemplateRecord(rs.getString("job_template_id"), rs.getString("job_template_arn"),
                rs.getString("description"), rs.getString("document"), rs.getString("document_source"),
                Json.read(rs.getString("presigned_url_config"), PresignedUrlConfig.class),
                Json.read(rs.getString("rollout_config"), JobExecutionsRolloutConfig.class),
                Json.read(rs.getString("abort_config"), AbortConfig.class),
                Json.read(rs.getString("timeout_config"), TimeoutConfig.class),
                Json.read(rs.getString("retry_config"), JobExecutionsRetryConfig.class),
                Json.tags(rs.getString("tags")), instant(rs, "created_at"));
    }
}
