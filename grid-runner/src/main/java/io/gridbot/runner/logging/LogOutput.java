package io.gridbot.runner.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import io.gridbot.persistence.file.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Points logback where one run's {@link LogSettings} say: standard error, and the rolling file under the data
 * directory, readable by its owner only (a new file each day or at 10 MB, compressed, the last 14 days kept,
 * 200 MB at most). Each call
 * replaces what an earlier one set, so a process that runs several commands logs as the latest asks.
 * Third-party libraries speak only to warn: no banners, no per-connection chatter.
 */
public final class LogOutput {

    /** The console's layout, from the first line on ({@link StartupLogging}). */
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    /** The file's layout: a full date, the thread and the whole logger name, for reading afterwards. */
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n";

    /**
     * okhttp logs through java.util.logging (to standard error), not slf4j: its level is set here. Held so
     * that the weakly referenced logger, and with it the level, is not collected.
     */
    private static final java.util.logging.Logger OKHTTP = java.util.logging.Logger.getLogger("okhttp3");

    /** OpenTelemetry's notice that it is on the class path but not configured, at every start: held to warnings. */
    private static final java.util.logging.Logger OPEN_TELEMETRY =
            java.util.logging.Logger.getLogger("io.opentelemetry.api.GlobalOpenTelemetry");

    /**
     * The libraries held to warnings (jOOQ's version notice to errors): the levels are set here, not in a file.
     * A database outage makes the pool report every connection it drops with a stack trace: those reports go
     * to errors only, as the daemon says once itself that the database went away and when it came back.
     */
    private static final Map<String, Level> LIBRARIES = Map.of(
            "org.jooq", Level.WARN,
            "org.jooq.impl.DefaultExecuteContext.logVersionSupport", Level.ERROR,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "com.zaxxer.hikari.pool.ProxyConnection", Level.ERROR,
            "com.zaxxer.hikari.pool.PoolBase", Level.ERROR,
            "org.eclipse.jetty", Level.WARN,
            "org.h2", Level.WARN);

    private LogOutput() {
    }

    /** Applies the settings to the process's logback context. */
    public static void apply(LogSettings settings) {
        apply((LoggerContext) LoggerFactory.getILoggerFactory(), settings);
    }

    /** Applies the settings to this logback context. */
    static void apply(LoggerContext context, LogSettings settings) {
        LIBRARIES.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(settings.verbosity() == Verbosity.QUIET ? Level.WARN : Level.INFO);
        context.getLogger("io.gridbot").setLevel(settings.verbosity() == Verbosity.VERBOSE ? Level.DEBUG : null);
        OKHTTP.setLevel(java.util.logging.Level.WARNING);
        OPEN_TELEMETRY.setLevel(java.util.logging.Level.WARNING);
        root.detachAndStopAllAppenders();
        root.addAppender(console(context, settings.format()));
        settings.file().ifPresent(file -> root.addAppender(file(context, settings.format(), file)));
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, LogFormat format) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, format, CONSOLE_PATTERN));
        console.start();
        return console;
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, LogFormat format, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            OwnerOnly.directory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + dir, e);
        }
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toAbsolutePath().toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dir.resolve("gridbot.%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        appender.setRollingPolicy(rolling);
        appender.setEncoder(encoder(context, format, FILE_PATTERN));
        appender.start();
        OwnerOnly.files(dir, "gridbot");
        return appender;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format, String pattern) {
        Encoder<ILoggingEvent> encoder = switch (format) {
            case TEXT -> {
                PatternLayoutEncoder text = new PatternLayoutEncoder();
                text.setPattern(pattern);
                yield text;
            }
            case JSON -> {
                // The message as written, not its template and arguments; no per-context or sequence noise.
                JsonEncoder json = new JsonEncoder();
                json.setWithFormattedMessage(true);
                json.setWithMessage(false);
                json.setWithArguments(false);
                json.setWithContext(false);
                json.setWithSequenceNumber(false);
                json.setWithNanoseconds(false);
                yield json;
            }
        };
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}
