package io.gridbot.runner.testing;

import io.gridbot.runner.GridbotMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line of a real {@code grid} process for the tests that kill and restart daemons: this JVM's java
 * and class path, with flags that make a short-lived JVM start sooner and compete less for the CPU (the
 * client compiler only, the serial collector). How the process is run, not what it does: its settings and
 * defaults are the production ones unless the test passes {@code -D} overrides of its own.
 */
public final class DaemonProcess {

    /** Startup flags only: none changes what the daemon does. */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");

    private DaemonProcess() {
    }

    /**
     * {@code java [jvmOptions…] -cp CLASSPATH io.gridbot.runner.GridbotMain args…}; a {@code daemon} whose
     * arguments name no port gets {@code --http-port 0}, so tests never compete for a fixed port.
     */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(QUICK_START);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GridbotMain.class.getName());
        command.addAll(List.of(args));
        if (args.length > 0 && args[0].equals("daemon") && Stream.of(args).noneMatch(a ->
                a.startsWith("--http-port") || a.startsWith("--dashboard-port"))) {
            command.addAll(List.of("--http-port", "0"));
        }
        return command;
    }

    /** {@link #command(List, String...)} without JVM options of the test's own. */
    public static List<String> command(String... args) {
        return command(List.of(), args);
    }
}
