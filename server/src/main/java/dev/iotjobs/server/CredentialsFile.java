package dev.iotjobs.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the keys that may sign requests ({@code --credentials FILE}): one {@code ACCESS_KEY_ID SECRET} pair per
 * line, separated by spaces or tabs; blank lines and lines whose first non-blank character is {@code #} are
 * skipped. For example:
 *
 * <pre>
 * # devices of the test bench
 * AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
 * </pre>
 *
 * <p>Error messages name the file and the line, never the line's content (it holds a secret).
 */
final class CredentialsFile {
    /** A credentials file that cannot be used; the message names the file and, where it applies, the line. */
    static final class InvalidCredentialsFile extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidCredentialsFile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private CredentialsFile() {
    }

    /**
     * @param file the file
     * @return the secret of each access key id, in the file's order; never empty
     * @throws InvalidCredentialsFile if the file cannot be read, a line is not a pair, a key id is listed twice, or
     *     no key is listed
     */
    static Map<String, String> read(Path file) throws InvalidCredentialsFile {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidCredentialsFile("--credentials " + file + ": no such file", e);
        } catch (MalformedInputException e) {
            throw new InvalidCredentialsFile("--credentials " + file + ": is not UTF-8 text", e);
        } catch (IOException e) {
            throw new InvalidCredentialsFile("--credentials " + file + ": cannot be read (" + e + ")", e);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                throw new InvalidCredentialsFile("--credentials " + file + " line " + number + ": expected "
                        + "ACCESS_KEY_ID and SECRET separated by spaces, found " + fields.length
                        + (fields.length == 1 ? " field" : " fields"), null);
            }
            Integer earlier = lineOf.putIfAbsent(fields[0], number);
            if (earlier != null) {
                throw new InvalidCredentialsFile("--credentials " + file + " line " + number + ": access key id "
                        + fields[0] + " is listed already on line " + earlier, null);
            }
            secrets.put(fields[0], fields[1]);
        }
        if (secrets.isEmpty()) {
            throw new InvalidCredentialsFile("--credentials " + file + ": lists no key (one 'ACCESS_KEY_ID SECRET' "
                    + "pair per line)", null);
        }
        return secrets;
    }
}
