package dev.iotjobs.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines one class writes while a test runs, as an operator would read them on stderr (the tests' binding,
 * slf4j-simple, writes there). The tests' log configuration keeps the bridge's loggers at ERROR, so this lowers the
 * named class's logger to DEBUG for the capture, through slf4j-simple's level field (it has no API for it), and
 * puts it back on {@link #close()}.
 */
final class LogCapture implements AutoCloseable {
    private static final int DEBUG = 10;

    private final String loggerName;
    private final Logger logger;
    private final Field level;
    private final int levelBefore;
    private final PrintStream errBefore = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture(Class<?> source) {
        loggerName = source.getName();
        logger = LoggerFactory.getLogger(source);
        try {
            level = findField(logger.getClass(), "currentLogLevel");
            level.setAccessible(true);
            levelBefore = level.getInt(logger);
            level.setInt(logger, DEBUG);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("LogCapture needs slf4j-simple's SimpleLogger, got " + logger.getClass(), e);
        }
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** Captures what {@code source}'s logger writes, at DEBUG and above. */
    static LogCapture of(Class<?> source) {
        return new LogCapture(source);
    }

    /** @return the captured lines of that logger so far */
    List<String> lines() {
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        return Arrays.stream(text.split("\n")).filter(line -> line.contains(" " + loggerName + " - ")).toList();
    }

    @Override
    public void close() {
        System.setErr(errBefore);
        try {
            level.setInt(logger, levelBefore);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field findField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
