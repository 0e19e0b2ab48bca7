package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.RolloutTarget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The rollout target table (SPEC T7): the things a job still holds back, listed on the primary key in thing-name
 * order; inserts, and deletes as compare-and-sets on the row's existence. The rows go with their job (the foreign key
 * cascades), so a job delete needs no statement here.
 */
final class RolloutRows {
    /**
     * Ordered by the whole primary key although job_id is fixed: H2 reads rows in index order only for an ORDER BY
     * that starts with the index's first column, and would otherwise sort every row of the job for each call.
     */
    private static final String FIRST = """
            SELECT r.job_id, r.thing_name, r.target_indexes FROM iotjobs_rollout_target r
            WHERE r.job_id = :jobId ORDER BY r.job_id, r.thing_name LIMIT :limit""";

    private static final String INSERT = """
            INSERT INTO iotjobs_rollout_target (job_id, thing_name, target_indexes)
            VALUES (:jobId, :thingName, :targetIndexes)""";

    private static final String DELETE = """
            DELETE FROM iotjobs_rollout_target WHERE job_id = :jobId AND thing_name = :thingName""";

    /**
     * @param jobId the job
     * @param limit at most this many
     * @return the things the job holds back, in thing-name order (the names' type sorts as Java strings)
     */
    List<RolloutTarget> first(Handle handle, String jobId, int limit) {
        Pages.checkLimit(limit);
        return handle.createQuery(FIRST)
                .bind("jobId", jobId)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list();
    }

    /**
     * @param jobId the job
     * @param thingNames things
     * @return those of them the job holds back, in thing-name order
     */
    List<RolloutTarget> find(Handle handle, String jobId, Collection<String> thingNames) {
        List<RolloutTarget> found = new ArrayList<>();
        for (List<String> chunk : Statements.chunks(List.copyOf(new TreeSet<>(thingNames)))) {
            String sql = "SELECT r.job_id, r.thing_name, r.target_indexes FROM " + Statements.keyTable("thing", "k")
                    + " JOIN iotjobs_rollout_target r ON r.job_id = :jobId AND r.thing_name = k.name"
                    + " ORDER BY r.thing_name";
            found.addAll(Statements.bindAny(handle.createQuery(sql), "thing", chunk)
                    .bind("jobId", jobId)
                    .map((rs, ctx) -> read(rs))
                    .list());
        }
        return found;
    }

    private static RolloutTarget read(ResultSet rs) throws SQLException {
        return new RolloutTarget(rs.getString("job_id"), rs.getString("thing_name"),
                Json.integers(rs.getString("target_indexes")));
    }

    /**
     * Inserts the targets. A target already held back breaks the primary key, which the caller's failure handling
     * reports as stale; the caller has made sure (and locked) that their jobs exist.
     */
    void insert(Handle handle, List<RolloutTarget> targets) {
        for (List<RolloutTarget> chunk : Statements.chunks(targets)) {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (RolloutTarget target : chunk) {
                batch.bind("jobId", target.jobId())
                        .bind("thingName", target.thingName())
                        .bind("targetIndexes", Json.write(target.targetIndexes()))
                        .add();
            }
            batch.execute();
        }
    }

    /** @return the targets that were not held back (each delete expects its row) */
    List<RolloutTarget> delete(Handle handle, List<RolloutTarget> targets) {
        PreparedBatch batch = handle.prepareBatch(DELETE);
        for (RolloutTarget target : targets) {
            batch.bind("jobId", target.jobId()).bind("thingName", target.thingName()).add();
        }
        return Statements.missed(batch.execute(), targets);
    }
}
