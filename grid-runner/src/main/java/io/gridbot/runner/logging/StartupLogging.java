package io.gridbot.runner.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Optional;

/**
 * How the runner logs from the first line on, before its command line has read {@code -q}, {@code -v} or
 * {@code --log-format}: to standard error, as text, with third-party libraries at warnings. Found by logback
 * through its service loader ahead of any {@code logback.xml} or {@code logback-test.xml} on the class path,
 * so no configuration file another jar brings decides what a command prints, and no XML is parsed at start.
 * An operator's own file, named by {@code -Dlogback.configurationFile}, is read instead.
 */
public final class StartupLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogOutput.apply(context, new LogSettings(Verbosity.NORMAL, LogFormat.TEXT, Optional.empty()));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
