package dev.iotjobs.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CrashRecoveryTest} on the embedded PostgreSQL: the engine's JVM dies, the database server lives on. */
class PostgresCrashRecoveryTest extends CrashRecoveryTest {

    @Override
    protected String freshDatabaseUrl(Path dir) {
        String database = "crash_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        TestDatabases.execute(TestDatabases.postgresServer().getPostgresDatabase(), "CREATE DATABASE " + database);
        return TestDatabases.postgresServer().getJdbcUrl("postgres", database);
    }

    @Override
    protected String user() {
        return "postgres";
    }

    @Override
    protected String password() {
        return "postgres";
    }

    @Test
    void c2_e2_killedMidLoadOnPostgresLosesNothing(@TempDir Path dir) throws Exception {
        killedMidLoadLosesNothing(dir);
    }
}
