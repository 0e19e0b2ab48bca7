/**
 * The JDBC store: {@link dev.iotjobs.store.jdbc.JdbcJobRepository} on H2 (embedded) or PostgreSQL, with its Flyway
 * migrations under {@code db/iotjobs}.
 */
package dev.iotjobs.store.jdbc;
