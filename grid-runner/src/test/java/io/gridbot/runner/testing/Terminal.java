package io.gridbot.runner.testing;

import io.gridbot.runner.GridbotMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * Another terminal, for tests: runs {@code grid} commands on one data directory and keeps what they print. A
 * terminal may have an environment of its own: a command that takes its environment in a constructor (one
 * {@code Map} argument) is made with it; every other command reads this process's.
 */
public final class Terminal {

    private final Path dataDir;
    private final Map<String, String> environment;
    private final StringWriter out = new StringWriter();

    public Terminal(Path dataDir) {
        this(dataDir, null);
    }

    /** A terminal whose commands that read an environment read {@code environment}. */
    public Terminal(Path dataDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.environment = environment;
    }

    /** Runs {@code grid args… --data-dir=DIR}; returns its exit code. */
    public int run(String... args) {
        CommandLine cli = environment == null ? new CommandLine(new GridbotMain())
                : new CommandLine(new GridbotMain(), this::create);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--data-dir=" + dataDir;
        return cli.execute(all);
    }

    private <K> K create(Class<K> type) throws Exception {
        if (!type.isAnnotationPresent(CommandLine.Command.class)) { // picocli makes its collections here too
            return CommandLine.defaultFactory().create(type);
        }
        Constructor<K> withEnvironment;
        try {
            withEnvironment = type.getDeclaredConstructor(Map.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        return withEnvironment.newInstance(environment);
    }

    /** Everything printed so far, standard output and error together. */
    public String output() {
        return out.toString();
    }

    /** Forgets what was printed. */
    public void clear() {
        out.getBuffer().setLength(0);
    }
}
