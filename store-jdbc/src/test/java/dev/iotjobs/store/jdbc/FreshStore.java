package dev.iotjobs.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty JDBC store for each test of a suite, dropped after it. Register it as an instance field with
 * {@code @RegisterExtension} and return {@link #repository()} from the suite's {@code newRepository()}.
 */
final class FreshStore implements AfterEachCallback {
    private final boolean postgres;
    private final List<HikariDataSource> h2Pools = new ArrayList<>();
    private final List<HikariDataSource> nodePools = new ArrayList<>();
    private final List<JdbcJobRepository> stores = new ArrayList<>();
    private HikariDataSource shared;

    private FreshStore(boolean postgres) {
        this.postgres = postgres;
    }

    /** @return fresh stores, each in a new in-memory H2 database migrated by {@link JdbcJobRepository#create} */
    static FreshStore h2() {
        return new FreshStore(false);
    }

    /** @return fresh stores in the shared PostgreSQL database, emptied for each */
    static FreshStore postgres() {
        return new FreshStore(true);
    }

    /** @return a fresh, empty store */
    JdbcJobRepository repository() {
        if (postgres) {
            return TestDatabases.emptyPostgresStore();
        }
        HikariDataSource pool = TestDatabases.newH2();
        h2Pools.add(pool);
        return kept(JdbcJobRepository.create(pool));
    }

    /**
     * @return a store over this test's one database (fresh on the first call) through a connection pool of its
     *     own, as each of several service nodes sharing a database has
     */
    JdbcJobRepository node() {
        if (shared == null) {
            shared = postgres ? TestDatabases.postgres() : TestDatabases.newH2();
            if (postgres) {
                TestDatabases.empty(shared);
            } else {
                h2Pools.add(shared);
                kept(JdbcJobRepository.create(shared));
            }
        }
        HikariDataSource pool = postgres ? TestDatabases.newPostgresPool() : TestDatabases.h2Pool(shared);
        nodePools.add(pool);
        return kept(JdbcJobRepository.create(pool));
    }

    /**
     * Ends every relay lease on this test's database, as the database's clock would once they ran out (the JDBC
     * store times leases by that clock, not by the engine's test clock).
     */
    void relayLeasesRunOut() {
        DataSource db = shared != null ? shared : postgres ? TestDatabases.postgres() : h2Pools.get(h2Pools.size() - 1);
        TestDatabases.execute(db, "UPDATE iotjobs_event_relay SET lease_until = 0");
    }

    /** @return the database the {@link #node()} stores share (call {@link #node()} first) */
    HikariDataSource sharedDatabase() {
        return shared;
    }

    /** @return the store, closed after the test */
    private JdbcJobRepository kept(JdbcJobRepository store) {
        stores.add(store);
        return store;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stores.forEach(JdbcJobRepository::close);
        stores.clear();
        nodePools.forEach(HikariDataSource::close);
        nodePools.clear();
        h2Pools.forEach(TestDatabases::shutDownH2);
        h2Pools.clear();
        shared = null;
    }
}
