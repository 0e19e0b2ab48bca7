package dev.iotjobs.core.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * The date-times of a job's {@code schedulingConfig} (SPEC T8): ISO-8601 as AWS writes them, a local date and
 * time with optional seconds and an optional offset ({@code 2026-03-01T12:00}, {@code 2026-03-01T12:00:30},
 * {@code 2026-03-01T12:00Z}, {@code 2026-03-01T12:00+02:00}); without an offset the time is UTC.
 */
public final class ScheduleTimes {
    /** An example for messages. */
    static final String EXAMPLE = "2026-03-01T12:00";

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private ScheduleTimes() {
    }

    /**
     * @param text a schedule time, possibly null or malformed
     * @return the instant it means, or empty when it is not a schedule time
     */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = FORMAT.parse(text);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.of(OffsetDateTime.from(parsed).toInstant());
            }
            return Optional.of(LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
