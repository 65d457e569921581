package io.gridbot.runner.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 13, logs: the log options are bad usage (exit 2) when they contradict or name no known format. */
class LogOptionsTest {

    @TempDir
    Path dir;

    @Test
    void quietAndVerboseTogetherAreBadUsage() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "-q", "status", "--config", "x", "-v")).isEqualTo(2);
        assertThat(err.toString()).contains("choose -q or -v, not both");
    }

    @Test
    void anUnknownLogFormatIsBadUsage() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "status", "--config", "x", "--log-format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("the log format is text or json, not 'xml'");
    }

    @Test
    void verboseOpensGridbotsDebugLinesAndQuietClosesItsInformationOnes() {
        org.slf4j.Logger gridbot = org.slf4j.LoggerFactory.getLogger("io.gridbot.runner.engine.GridEngine");
        org.slf4j.Logger library = org.slf4j.LoggerFactory.getLogger("org.example.Library");
        try {
            run(new StringWriter(), "-v", "status", "--config", "x");
            assertThat(gridbot.isDebugEnabled()).isTrue();
            assertThat(library.isDebugEnabled()).isFalse();
            run(new StringWriter(), "status", "--config", "x", "--quiet");
            assertThat(gridbot.isInfoEnabled()).isFalse();
            assertThat(gridbot.isWarnEnabled()).isTrue();
        } finally {
            run(new StringWriter(), "status", "--config", "x");
        }
        assertThat(gridbot.isInfoEnabled()).isTrue();
        assertThat(gridbot.isDebugEnabled()).isFalse();
    }

    @Test
    void theFileLivesInTheLogsFolderOfTheDataDirectory() {
        assertThat(LogSettings.fileUnder(dir)).isEqualTo(dir.resolve("logs").resolve("gridbot.log"));
    }

    private int run(StringWriter err, String... args) {
        CommandLine cli = GridbotMain.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--data-dir=" + dir.resolve("none");
        return cli.execute(all);
    }
}
