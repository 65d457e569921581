package io.gridbot.runner.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.runner.testing.DaemonProcess;
import io.gridbot.runner.testing.Eventually;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, logs: a real {@code grid} process prints its output on stdout and its log lines on stderr and in
 * the rolling file under its data directory; {@code -q} keeps warnings and errors only; JSON lines parse.
 */
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
        // the demo creates its data directory, so it keeps the log file there too, with the full logger name
        assertThat(Files.readString(dir.resolve("data/logs/gridbot.log")))
                .contains("INFO  [main] io.gridbot.runner.engine.GridEngine - grid demo_short_grid: STOPPED -> INITIALIZING");
    }

    @Test
    void quietKeepsOnlyWarningsAndErrorsWhereverTheOptionStands() throws Exception {
        Streams before = run("-q", "demo", "--data-dir", dir.resolve("data").toString());
        Streams after = run("demo", "--quiet", "--data-dir", dir.resolve("data").toString());

        for (Streams quiet : List.of(before, after)) {
            assertThat(quiet.out()).contains("summary after 200,000 market trades");
            assertThat(quiet.err()).doesNotContain("INFO", "DEBUG");
        }
        assertThat(Files.readString(dir.resolve("data/logs/gridbot.log"))).doesNotContain("INFO");
    }

    @Test
    void jsonLogLinesParseOneObjectALineWithTheMessageAsWritten() throws Exception {
        Streams demo = run("demo", "--log-format", "json", "--data-dir", dir.resolve("data").toString());

        List<String> lines = demo.err().lines().toList();
        assertThat(lines).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.path("level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(entry.path("loggerName").asText()).isNotBlank();
        }
        assertThat(json.readTree(lines.get(0)).path("formattedMessage").asText())
                .isEqualTo("grid demo_short_grid: STOPPED -> INITIALIZING (start requested)");
        assertThat(Files.readString(dir.resolve("data/logs/gridbot.log")).lines())
                .allSatisfy(line -> assertThat(json.readTree(line).path("level").isTextual()).isTrue());
        assertThat(demo.out()).contains("summary after 200,000 market trades").doesNotContain("\"level\"");
    }

    @Test
    void theDaemonLogsToTheRollingFileUnderItsDataDirectory() throws Exception {
        Path data = dir.resolve("daemon-data");
        Path out = dir.resolve("daemon-out.txt");
        ProcessBuilder builder = new ProcessBuilder(DaemonProcess.command(List.of(),
                "daemon", "--data-dir", data.toString()))
                .redirectOutput(out.toFile()).redirectError(dir.resolve("daemon-err.txt").toFile());
        builder.environment().remove("GRIDBOT_DB_URL");
        Process daemon = builder.start();
        try {
            Path file = data.resolve("logs/gridbot.log");
            Eventually.await("the daemon's start in " + file, Duration.ofSeconds(60), () -> {
                assertThat(daemon.isAlive()).as("the daemon runs").isTrue();
                // The log line is written just before the line for people on stdout: both are waited for.
                return read(file).contains("INFO  [main] io.gridbot.runner.daemon.DaemonCommand - daemon ")
                        && read(out).contains("gridbot daemon");
            });
            assertThat(read(out)).doesNotContain("INFO");
        } finally {
            daemon.destroy();
            daemon.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a finished {@code grid} process printed on each stream. */
    record Streams(String out, String err) {
    }

    /** Runs {@code grid args…} in its own JVM to the end; fails if it does not end with 0 within a minute. */
    Streams run(String... args) throws Exception {
        return run(List.of(), args);
    }

    Streams run(List<String> jvmOptions, String... args) throws Exception {
        // The test class path holds other modules' logback-test.xml: the runner's own set-up must win anyway.
        List<String> options = new ArrayList<>(jvmOptions);
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
