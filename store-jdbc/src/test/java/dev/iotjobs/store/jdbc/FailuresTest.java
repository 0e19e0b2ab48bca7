package dev.iotjobs.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.spi.StaleStateException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** What each database's errors become (SPEC C2, C3). */
class FailuresTest {

    @Test
    void conflictsAreStaleOnBothDatabases() {
        for (String state : new String[] {"23505", "23503", "40001"}) {
            assertThat(Dialect.H2.isConflict(state)).as(state).isTrue();
            assertThat(Dialect.POSTGRESQL.isConflict(state)).as(state).isTrue();
        }
        assertThat(Dialect.POSTGRESQL.isConflict("40P01")).isTrue();
        assertThat(Dialect.H2.isConflict("90131")).isTrue();
        assertThat(Dialect.H2.isConflict("23506")).isTrue();
    }

    @Test
    void connectionLossTimeoutsAndTheRestAreNotConflicts() {
        for (String state : new String[] {"08006", "08003", "57014", "57P01", "55P03", "HYT00", "53300", "42P01",
                null}) {
            assertThat(Dialect.H2.isConflict(state)).as(state).isFalse();
            assertThat(Dialect.POSTGRESQL.isConflict(state)).as(state).isFalse();
        }
    }

    @Test
    void aConflictInsideABatchIsFoundThroughTheNextExceptions() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "08000", new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));

        RuntimeException translated = new Failures(Dialect.POSTGRESQL)
                .translate(new UnableToExecuteStatementException(batch, null));

        assertThat(translated).isInstanceOf(StaleStateException.class).hasMessageContaining("23505");
    }

    @Test
    void anythingElseIsServiceUnavailableWithTheCause() {
        SQLException lost = new SQLException("I/O error", "08006");
        UnableToExecuteStatementException failure = new UnableToExecuteStatementException(lost, null);

        RuntimeException translated = new Failures(Dialect.POSTGRESQL).translate(failure);

        assertThat(translated).isInstanceOf(ServiceUnavailableException.class).hasCause(failure)
                .hasRootCause(lost);
    }
}
