package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.TargetExpansion;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A job's owed {@link TargetExpansion} (SPEC J3, C4) in the job row's {@code expansion_*} columns: the target
 * positions as a JSON array, NULL when the job owes none.
 */
final class ExpansionColumns {
    /** The columns, read from the job table as {@code j}. */
    static final String COLUMNS = "j.expansion_targets, j.expansion_after";

    /** The column names of an INSERT, in the order of {@link #PARAMETERS}. */
    static final String NAMES = "expansion_targets, expansion_after";

    /** The parameters {@link #bind} binds, in the order of {@link #NAMES}. */
    static final String PARAMETERS = ":expansionTargets, :expansionAfter";

    /** Every column as {@code column = :parameter}, for an UPDATE. */
    static final String MEMBERS = "expansion_targets = :expansionTargets, expansion_after = :expansionAfter";

    private ExpansionColumns() {
    }

    /** @param statement a statement with {@link #PARAMETERS} @param expansion the owed expansion, or null */
    static <S extends SqlStatement<S>> S bind(S statement, TargetExpansion expansion) {
        return statement
                .bind("expansionTargets", expansion == null ? null : Json.write(expansion.targetIndexes()))
                .bind("expansionAfter", expansion == null ? null : expansion.afterThing());
    }

    /** @param rs a row with {@link #COLUMNS} @return its owed expansion, or null when it owes none */
    static TargetExpansion read(ResultSet rs) throws SQLException {
        String targets = rs.getString("expansion_targets");
        return targets == null ? null : new TargetExpansion(Json.integers(targets), rs.getString("expansion_after"));
    }
}
