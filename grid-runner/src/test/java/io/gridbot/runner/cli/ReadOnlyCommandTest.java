package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.testing.GridYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Commands that only read or act on stored data refuse a data directory without a database, creating nothing. */
class ReadOnlyCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int grid(String... args) {
        CommandLine cli = GridbotMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void readOnlyCommandsRefuseAMistypedDataDirectoryAndCreateNothing() {
        Path typo = dir.resolve("gridbot-dta");
        String data = "--data-dir=" + typo;

        assertThat(grid("config", "list", data)).isEqualTo(1);
        assertThat(grid("status", "--config", "g", data)).isEqualTo(1);
        assertThat(grid("logs", "--config", "g", data)).isEqualTo(1);

        String refusal = "no gridbot database in " + typo.toAbsolutePath()
                + ": check --data-dir (or GRIDBOT_DATA_DIR), or run 'config apply', 'daemon' or 'demo' first to create one";
        assertThat(err.toString().lines()).containsExactly(refusal, refusal, refusal);
        assertThat(out.toString()).isEmpty();
        assertThat(typo).doesNotExist();
    }

    @Test
    void aCreatingCommandStillCreatesTheDatabase() throws Exception {
        Path data = dir.resolve("fresh");
        Path file = Files.writeString(dir.resolve("g.yaml"), GridYaml.shortBtc("g"));

        assertThat(grid("config", "apply", "-f", file.toString(), "--data-dir=" + data)).isZero();
        assertThat(data.resolve("gridbot.mv.db")).exists();
        assertThat(grid("config", "list", "--data-dir=" + data)).isZero();
        assertThat(out.toString()).contains("g");
    }
}
