package dev.iotjobs.server;

import java.nio.file.FileSystemException;

/** The server cannot start; the message names what failed and what to change, on one line. */
final class StartupFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param e an exception
     * @return the first line of its message, or of its first cause's that has one (libraries here put the cause's
     *     words in their own message: HikariCP, the store, the server's bind)
     */
    static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                String line = message.strip().lines().findFirst().orElse("").strip();
                if (t instanceof FileSystemException) {   // its message is only the path
                    line = t.getClass().getSimpleName() + " " + line;
                }
                return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
            }
        }
        return e.getClass().getSimpleName();
    }
}
