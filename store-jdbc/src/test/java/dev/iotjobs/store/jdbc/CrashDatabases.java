package dev.iotjobs.store.jdbc;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Data sources by URL, for the parent and the child JVM of the crash test alike. */
final class CrashDatabases {
    private CrashDatabases() {
    }

    static DataSource dataSource(String url, String user, String password) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url);
        postgres.setUser(user);
        postgres.setPassword(password);
        return postgres;
    }

    static String thing(int i) {
        return String.format("device-%04d", i);
    }
}
