package dev.iotjobs.store.jdbc;

import static dev.iotjobs.store.jdbc.Columns.instant;
import static dev.iotjobs.store.jdbc.Columns.millis;

import dev.iotjobs.spi.RolloutState;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A job's {@link RolloutState} (SPEC T7) in the job row's {@code rollout_*} columns: times as epoch milliseconds,
 * the per-target counts as a JSON object in target order. A NULL {@code rollout_by_target} means the job has no
 * rollout state, so a state of zeros (an empty map is {@code {}}) still reads back as a state.
 */
final class RolloutColumns {
    /** The columns, read from the job table as {@code j}. */
    static final String COLUMNS = """
            j.rollout_remaining, j.rollout_by_target, j.rollout_notified, j.rollout_rate,
            j.rollout_notified_at_increase, j.rollout_succeeded_at_increase, j.rollout_window_start,
            j.rollout_window_allowance, j.rollout_created_in_window, j.rollout_last_created_at""";

    /** The column names of an INSERT, in the order of {@link #PARAMETERS}. */
    static final String NAMES = """
            rollout_remaining, rollout_by_target, rollout_notified, rollout_rate, rollout_notified_at_increase,
            rollout_succeeded_at_increase, rollout_window_start, rollout_window_allowance, rollout_created_in_window,
            rollout_last_created_at""";

    /** The parameters {@link #bind} binds, in the order of {@link #NAMES}. */
    static final String PARAMETERS = """
            :rolloutRemaining, :rolloutByTarget, :rolloutNotified, :rolloutRate, :rolloutNotifiedAtIncrease,
            :rolloutSucceededAtIncrease, :rolloutWindowStart, :rolloutWindowAllowance, :rolloutCreatedInWindow,
            :rolloutLastCreatedAt""";

    /** Every column as {@code column = :parameter}, for an UPDATE. */
    static final String MEMBERS = """
            rollout_remaining = :rolloutRemaining, rollout_by_target = :rolloutByTarget,
            rollout_notified = :rolloutNotified, rollout_rate = :rolloutRate,
            rollout_notified_at_increase = :rolloutNotifiedAtIncrease,
            rollout_succeeded_at_increase = :rolloutSucceededAtIncrease, rollout_window_start = :rolloutWindowStart,
            rollout_window_allowance = :rolloutWindowAllowance, rollout_created_in_window = :rolloutCreatedInWindow,
            rollout_last_created_at = :rolloutLastCreatedAt""";

    private RolloutColumns() {
    }

    /**
     * @param statement a statement with {@link #PARAMETERS}
     * @param state the state, or null for none: then {@code rollout_remaining} is 0, which the conditional
     *     completion reads, and every other column NULL
     * @return the statement
     */
    static <S extends SqlStatement<S>> S bind(S statement, RolloutState state) {
        if (state == null) {
            return statement
                    .bind("rolloutRemaining", 0)
                    .bind("rolloutByTarget", (String) null)
                    .bind("rolloutNotified", (Integer) null)
                    .bind("rolloutRate", (Double) null)
                    .bind("rolloutNotifiedAtIncrease", (Integer) null)
                    .bind("rolloutSucceededAtIncrease", (Integer) null)
                    .bind("rolloutWindowStart", (Long) null)
                    .bind("rolloutWindowAllowance", (Integer) null)
                    .bind("rolloutCreatedInWindow", (Integer) null)
                    .bind("rolloutLastCreatedAt", (Long) null);
        }
        return statement
                .bind("rolloutRemaining", state.remaining())
                .bind("rolloutByTarget", Json.write(state.remainingByTarget()))
                .bind("rolloutNotified", state.notified())
                .bind("rolloutRate", state.rate())
                .bind("rolloutNotifiedAtIncrease", state.notifiedAtIncrease())
                .bind("rolloutSucceededAtIncrease", state.succeededAtIncrease())
                .bind("rolloutWindowStart", millis(state.windowStart()))
                .bind("rolloutWindowAllowance", state.windowAllowance())
                .bind("rolloutCreatedInWindow", state.createdInWindow())
                .bind("rolloutLastCreatedAt", millis(state.lastCreatedAt()));
    }

    /** @param rs a row with {@link #COLUMNS} @return its rollout state, or null when it has none */
    static RolloutState read(ResultSet rs) throws SQLException {
        String byTarget = rs.getString("rollout_by_target");
        if (byTarget == null) {
            return null;
        }
        return new RolloutState(rs.getInt("rollout_remaining"), Json.countMap(byTarget), rs.getInt("rollout_notified"),
                rs.getDouble("rollout_rate"), rs.getInt("rollout_notified_at_increase"),
                rs.getInt("rollout_succeeded_at_increase"), instant(rs, "rollout_window_start"),
                rs.getInt("rollout_window_allowance"), rs.getInt("rollout_created_in_window"),
                instant(rs, "rollout_last_created_at"));
    }
}
