package io.gridbot.runner.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.testing.DaemonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, logs: a real {@code grid} process prints its output on stdout and its log lines on stderr. */
class LogStreamsTest {

    /** A log line of the text layout: time, level, logger, message. */
    static final Pattern LOG_LINE = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) ");

    @TempDir
    Path dir;

    @Test
    void theDemoPrintsItsSummaryOnStdoutAndItsLogLinesOnStderr() throws Exception {
        Streams demo = run("demo", "--data-dir", dir.resolve("data").toString());

        assertThat(demo.out()).contains("100 %", "summary after 200,000 market trades", "realized PnL");
        assertThat(LOG_LINE.matcher(demo.out()).find()).as("a log line on stdout:%n%s", demo.out()).isFalse();
        assertThat(demo.err()).containsPattern(LOG_LINE)
                .contains("INFO  GridEngine - grid demo_short_grid: STOPPED -> INITIALIZING");
        assertThat(demo.err()).doesNotContain("HikariPool", "Flyway", "jOOQ");
    }

    /** What a finished {@code grid} process printed on each stream. */
    record Streams(String out, String err) {
    }

    /** Runs {@code grid args…} in its own JVM to the end; fails if it does not end with 0 within a minute. */
    Streams run(String... args) throws Exception {
        return run(List.of(), args);
    }

    Streams run(List<String> jvmOptions, String... args) throws Exception {
        // The production configuration, not a logback-test.xml that another module's test classes bring along.
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dlogback.configurationFile=" + LogStreamsTest.class.getResource("/logback.xml"));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(DaemonProcess.command(options, args))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("grid %s ended", List.of(args)).isTrue();
        Streams streams = new Streams(Files.readString(out), Files.readString(err));
        assertThat(process.exitValue()).as("exit code; stderr:%n%s", streams.err()).isZero();
        return streams;
    }
}
