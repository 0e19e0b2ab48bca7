package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.server.CredentialsFile.InvalidCredentialsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --credentials} file: one {@code ACCESS_KEY_ID SECRET} pair per line. */
class CredentialsFileTest {
    @TempDir
    Path dir;

    @Test
    void pairsAreSeparatedBySpacesOrTabsAndCommentsAndBlankLinesAreSkipped() throws Exception {
        Path file = write("# devices of the bench\r\n"
                + "\n"
                + "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n"
                + "   # indented comment\n"
                + "\tAKID2\t\t s3cr=t:#2  \n");
        assertThat(CredentialsFile.read(file)).containsExactly(
                java.util.Map.entry("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                java.util.Map.entry("AKID2", "s3cr=t:#2"));
    }

    @Test
    void aLineThatIsNotAPairNamesTheFileAndTheLineButNotTheSecret() throws Exception {
        Path file = write("# keys\nAKID secret\nAKID2 = hunter2\n");
        assertThatThrownBy(() -> CredentialsFile.read(file)).isInstanceOf(InvalidCredentialsFile.class)
                .hasMessage("--credentials " + file + " line 3: expected ACCESS_KEY_ID and SECRET separated by "
                        + "spaces, found 3 fields")
                .hasMessageNotContaining("hunter2");
        Path alone = write("hunter2\n");
        assertThatThrownBy(() -> CredentialsFile.read(alone))
                .hasMessage("--credentials " + alone + " line 1: expected ACCESS_KEY_ID and SECRET separated by "
                        + "spaces, found 1 field");
    }

    @Test
    void aKeyIdListedTwiceNamesBothLines() throws Exception {
        Path file = write("AKID one\n\nAKID two\n");
        assertThatThrownBy(() -> CredentialsFile.read(file))
                .hasMessage("--credentials " + file + " line 3: access key id AKID is listed already on line 1");
    }

    @Test
    void aFileWithoutKeysOrWithoutTheFileIsAnError() throws Exception {
        Path empty = write("# nothing yet\n\n");
        assertThatThrownBy(() -> CredentialsFile.read(empty)).hasMessageContaining(empty + ": lists no key");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> CredentialsFile.read(missing))
                .hasMessage("--credentials " + missing + ": no such file");
        assertThatThrownBy(() -> CredentialsFile.read(dir)).hasMessageContaining(dir + ": cannot be read");
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(dir, "keys", ".txt");
        Files.writeString(file, content);
        return file;
    }
}
