package dev.iotjobs.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Pooled data sources by URL, for the parent and the child JVM of the crash test alike, as a service has them. */
final class CrashDatabases {
    private CrashDatabases() {
    }

    static HikariDataSource dataSource(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    static String thing(int i) {
        return String.format("device-%04d", i);
    }
}
