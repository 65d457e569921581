package io.gridbot.runner.testing;

import io.gridbot.runner.GridbotMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;

/** Another terminal, for tests: runs {@code grid} commands on one data directory and keeps what they print. */
public final class Terminal {

    private final Path dataDir;
    private final StringWriter out = new StringWriter();

    public Terminal(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Runs {@code grid args… --data-dir=DIR}; returns its exit code. */
    public int run(String... args) {
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--data-dir=" + dataDir;
        return cli.execute(all);
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
