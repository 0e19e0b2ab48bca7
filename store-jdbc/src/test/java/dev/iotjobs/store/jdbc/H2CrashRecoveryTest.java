package dev.iotjobs.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CrashRecoveryTest} on an H2 file database. */
class H2CrashRecoveryTest extends CrashRecoveryTest {

    @Override
    protected String freshDatabaseUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("jobs").toAbsolutePath();
    }

    @Override
    protected String user() {
        return "sa";
    }

    @Override
    protected String password() {
        return "";
    }

    @Test
    void c2_e2_killedMidLoadOnH2LosesNothing(@TempDir Path dir) throws Exception {
        killedMidLoadLosesNothing(dir);
    }
}
