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

    /**
     * Rolling upgrades (issue 12): a row whose status a newer version wrote is left out of this version's reads
     * rather than failing them, and so never written back by it.
     *
     * @param column a column holding enum names
     * @param type the enum
     * @return {@code POSITION(',' || column || ',' IN ',A,B,...,') > 0}, true for every constant this version knows
     *     and for null:
     *     a test no optimizer turns into a walk of the column's index (H2 does for {@code column IN (...)}, even for
     *     {@code column || ''}), so queries keep the index they order by
     */
    static String known(String column, Class<? extends Enum<?>> type) {
        StringBuilder names = new StringBuilder(",");
        for (Enum<?> constant : type.getEnumConstants()) {
            names.append(constant.name()).append(',');
        }
        return "(" + column + " IS NULL OR POSITION(',' || " + column + " || ',' IN '" + names + "') > 0)";
    }

    static <E extends Enum<E>> E constant(ResultSet rs, String column, Class<E> type) throws SQLException {
        String name = rs.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
