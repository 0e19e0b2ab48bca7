package dev.iotjobs.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Column values to and from Java: times as epoch milliseconds, nullable numbers and flags, enums by name. */
final class Columns {
    private Columns() {
    }

    /** @param instant a time, or null @return its epoch milliseconds, or null */
    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** @param value an enum constant, or null @return its name, or null */
    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Boolean flag(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static Long number(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static <E extends Enum<E>> E constant(ResultSet rs, String column, Class<E> type) throws SQLException {
        String name = rs.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
