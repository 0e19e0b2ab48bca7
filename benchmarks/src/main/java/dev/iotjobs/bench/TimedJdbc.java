package dev.iotjobs.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * A data source that adds up the time its callers spend inside JDBC, by kind of call, as the client sees it
 * (network and server included): statements executed, commits, and the rest (borrowing and returning a pooled
 * connection, preparing, auto-commit switches). For {@link PgRoundTripProfile}; modelled on store-jdbc's test
 * {@code JdbcSpy}. Result sets are not wrapped: PostgreSQL's driver reads all rows at execute.
 */
final class TimedJdbc {
    /** Nanoseconds and calls of one kind of JDBC call. */
    static final class Tally {
        final LongAdder nanos = new LongAdder();
        final LongAdder calls = new LongAdder();

        void add(long elapsed) {
            nanos.add(elapsed);
            calls.increment();
        }
    }

    /** Statement executions, in auto-commit (each its own commit) or inside a transaction. */
    final Tally autoCommitExecutes = new Tally();
    final Tally transactionExecutes = new Tally();
    /** {@code Connection.commit} and {@code rollback}. */
    final Tally commits = new Tally();
    /** Everything else on the connection and statements, {@code getConnection} and {@code close} included. */
    final Tally other = new Tally();
    /** Every call made on the engine's own threads, whatever its kind. */
    final Tally background = new Tally();

    private final DataSource target;

    TimedJdbc(DataSource target) {
        this.target = target;
    }

    /** @return the data source to give the store or the baseline */
    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = timed(other, target, method, args);
                    return result instanceof Connection connection ? connection(connection) : result;
                });
    }

    private Connection connection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    Tally tally = name.equals("commit") || name.equals("rollback") ? commits : other;
                    Object result = timed(tally, connection, method, args);
                    if (result instanceof Statement statement) {
                        return statement(connection, statement, method.getReturnType());
                    }
                    return result;
                });
    }

    private Object statement(Connection connection, Statement statement, Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Tally tally = other;
            if (method.getName().startsWith("execute")) {
                tally = connection.getAutoCommit() ? autoCommitExecutes : transactionExecutes;
            }
            return timed(tally, statement, method, args);
        });
    }

    private Object timed(Tally tally, Object target, java.lang.reflect.Method method, Object[] args)
            throws Throwable {
        // The engine's background thread ("iotjobs-due-work") is tallied apart: its time is not the caller's.
        Tally charged = Thread.currentThread().getName().startsWith("iotjobs-") ? background : tally;
        long start = System.nanoTime();
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            charged.add(System.nanoTime() - start);
        }
    }

    /** @return the tallies' nanos and calls, in order: auto-commit executes, transaction executes, commits, other, background */
    long[] snapshot() {
        return new long[] {autoCommitExecutes.nanos.sum(), autoCommitExecutes.calls.sum(),
                transactionExecutes.nanos.sum(), transactionExecutes.calls.sum(), commits.nanos.sum(),
                commits.calls.sum(), other.nanos.sum(), other.calls.sum(), background.nanos.sum(), background.calls.sum()};
    }
}
