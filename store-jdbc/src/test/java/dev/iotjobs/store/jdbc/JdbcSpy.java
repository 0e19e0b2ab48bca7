package dev.iotjobs.store.jdbc;

import dev.iotjobs.spi.JobRepository;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Watches the JDBC calls of a store: a data source whose statements are recorded as they execute, one entry per
 * round trip ({@code executeBatch} counts once), each labelled with the repository method that ran it
 * ({@code "commit: UPDATE iotjobs_execution"}); commits and rollbacks are recorded too. A hook can run before a
 * statement executes, to break the connection under it.
 */
final class JdbcSpy {
    /** The statement's own table: the first after FROM, UPDATE or INTO (not one of a sub-select in the columns). */
    /** A common table expression's verb and table: {@code name AS (UPDATE iotjobs_job_count ...}. */
    private static final Pattern CTE = Pattern.compile(
            "(?is)\\b[a-z_]+\\s+AS\\s*\\(\\s*(SELECT|UPDATE|INSERT|DELETE)\\b.*?(?:FROM|UPDATE|INTO)?\\s*(iotjobs_[a-z_]+)");
    private static final Pattern TABLE = Pattern.compile("(?i:FROM|UPDATE|INTO)\\s+(iotjobs_[a-z_]+)");

    private final DataSource target;
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final List<Executed> executed = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<String> label = ThreadLocal.withInitial(() -> "-");
    private volatile Hook hook;

    /**
     * A statement as it ran: its SQL and the parameter setters called on it (those of the first row of a batch).
     *
     * @param sql the SQL
     * @param setters the {@code setXxx(index, value...)} calls, to replay on another statement
     */
    record Executed(String sql, List<Setter> setters) {
        /** @param statement a statement prepared from the same parameter positions @return it, with the values */
        PreparedStatement bind(PreparedStatement statement) throws SQLException {
            for (Setter setter : setters) {
                try {
                    setter.method().invoke(statement, setter.args());
                } catch (ReflectiveOperationException e) {
                    throw new SQLException(e);
                }
            }
            return statement;
        }
    }

    /** One parameter setter call. */
    record Setter(Method method, Object[] args) {
        /**
         * A {@code setArray} keeps the array's type and elements, not the driver's {@link java.sql.Array}: the
         * statement frees that once it ran. Replayed as {@code setObject(index, elements)}.
         */
        static Setter of(Method method, Object[] args) {
            if (method.getName().equals("setArray") && args[1] instanceof java.sql.Array array) {
                try {
                    return new Setter(PreparedStatement.class.getMethod("setObject", int.class, Object.class),
                            new Object[] {args[0], array.getArray()});
                } catch (SQLException | NoSuchMethodException e) {
                    throw new IllegalStateException("could not keep the array bound to a statement", e);
                }
            }
            return new Setter(method, args);
        }
    }

    /** Runs before a statement whose SQL contains a text executes, with the connection it runs on. */
    private record Hook(String sqlPart, Consumer<Connection> action) {
    }

    JdbcSpy(DataSource target) {
        this.target = target;
    }

    /** @return the data source to give the store */
    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection connection
                ? connection(connection) : result);
    }

    /** @param repository a store over {@link #dataSource()} @return it, labelling statements by the method */
    JobRepository labelled(JobRepository repository) {
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    String outer = label.get();
                    label.set(method.getName());
                    try {
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        label.set(outer);
                    }
                });
    }

    /** @return the statements recorded since the last {@link #clear()}, as {@code "method: VERB table"} */
    List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** @return the prepared statements executed since the last {@link #clear()}, with their parameters */
    List<Executed> executed() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    void clear() {
        statements.clear();
        executed.clear();
    }

    /**
     * @param sqlPart text of the statement to intercept (once)
     * @param action what to do with its connection right before it executes
     */
    void beforeNext(String sqlPart, Consumer<Connection> action) {
        hook = new Hook(sqlPart, action);
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args, result) -> {
            if (result instanceof PreparedStatement statement) {
                return statement(PreparedStatement.class, statement, (String) args[0], connection);
            }
            if (result instanceof Statement statement) {
                return statement(Statement.class, statement, null, connection);
            }
            return result;
        }, (method, args) -> {
            if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                record(method.getName().toUpperCase(Locale.ROOT));
            }
        });
    }

    private <S extends Statement> S statement(Class<S> type, S statement, String preparedSql, Connection connection) {
        int[] batched = {0};
        List<Setter> setters = new ArrayList<>();
        List<Setter> firstRow = new ArrayList<>();
        return proxy(type, statement, (method, args, result) -> result, (method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                setters.add(Setter.of(method, args.clone()));
            } else if (name.equals("addBatch")) {
                if (batched[0]++ == 0) {
                    firstRow.addAll(setters);
                }
                setters.clear();
            } else if (name.startsWith("execute")) {
                String sql = preparedSql != null ? preparedSql : (String) args[0];
                Hook pending = hook;
                if (pending != null && sql.contains(pending.sqlPart())) {
                    hook = null;
                    pending.action().accept(connection);
                }
                record(summary(sql) + (name.equals("executeBatch") && batched[0] > 1 ? " x" + batched[0] : ""));
                if (preparedSql != null) {
                    executed.add(new Executed(sql, List.copyOf(batched[0] > 0 ? firstRow : setters)));
                }
                batched[0] = 0;
                firstRow.clear();
                setters.clear();
            }
        });
    }

    private void record(String what) {
        statements.add(label.get() + ": " + what);
    }

    /**
     * @return the statement's verb and first table: {@code "UPDATE iotjobs_job"}; for a statement of common table
     *     expressions, those of each: {@code "WITH SELECT iotjobs_job, UPDATE iotjobs_execution"}
     */
    private static String summary(String sql) {
        String verb = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (verb.equals("WITH")) {
            List<String> parts = new ArrayList<>();
            for (Matcher part = CTE.matcher(sql); part.find(); ) {
                parts.add(part.group(1).toUpperCase(Locale.ROOT) + " " + part.group(2));
            }
            return verb + " " + String.join(", ", parts);
        }
        String outer = sql;
        for (String inner = sql.replaceAll("\\([^()]*\\)", ""); !inner.equals(outer); ) {
            outer = inner;   // sub-selects (in parentheses) dropped, innermost first
            inner = outer.replaceAll("\\([^()]*\\)", "");
        }
        Matcher table = TABLE.matcher(outer);
        return table.find() ? verb + " " + table.group(1) : verb;
    }

    /** What to make of a call's result. */
    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    /** What to do before a call. */
    private interface Before {
        void accept(Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return proxy(type, target, after, (method, args) -> {
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after, Before before) {
        InvocationHandler handler = (proxy, method, args) -> {
            before.accept(method, args);
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(JdbcSpy.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** @return an exception as a driver reports a lost connection */
    static SQLException connectionLost() {
        return new SQLException("connection lost (test)", "08006");
    }
}
